import path from 'node:path';

/**
 * `pult/layers`: where each file may import from, by the path the import
 * resolves to rather than by how the specifier is spelled, so `../../core/x`
 * and `../core/x` are judged alike at any depth.
 *
 * Options: an array of layers, each
 *   { from: 'dir/' | 'file.ts', allow?: [...], deny?: [...], message }
 * or { from: 'dir/', throughIndex: 'dir/features/', message }.
 * A layer applies to files under `from`. A relative import that resolves
 * outside the importing file's own `from` is refused when it matches `deny`,
 * or when `allow` is given and it matches none of it. Entries are repo-relative
 * folder prefixes ending in '/' or exact module paths (extension optional).
 * `throughIndex` names a folder of folders (features) that others may enter
 * only through each one's index.
 */

const root = path.resolve(import.meta.dirname, '..');
const stripExtension = (p) => p.replace(/\.(tsx?|mjs|cjs|js)$/, '');

function matches(target, entry) {
  if (entry.endsWith('/')) return target.startsWith(entry);
  const module = stripExtension(entry);
  return target === module || target === `${module}/index`;
}

const toRepoPath = (absolute) =>
  stripExtension(path.relative(root, absolute).split(path.sep).join('/'));

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps each layer of Pult importing only what it may.' },
    schema: [{ type: 'array' }],
    messages: { refused: '{{target}} may not be imported here: {{message}}' },
  },
  create(context) {
    const layers = context.options[0] ?? [];
    const file = toRepoPath(context.filename);
    const applying = layers.filter((layer) =>
      layer.from.endsWith('/') ? file.startsWith(layer.from) : matches(file, layer.from),
    );
    if (applying.length === 0) return {};
    const check = (node, specifier) => {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = toRepoPath(path.resolve(path.dirname(context.filename), specifier));
      for (const layer of applying) {
        if (layer.throughIndex !== undefined) {
          if (!target.startsWith(layer.throughIndex)) continue;
          const [name, ...rest] = target.slice(layer.throughIndex.length).split('/');
          const own = file.startsWith(`${layer.throughIndex}${name}/`);
          if (own || rest.length === 0 || (rest.length === 1 && rest[0] === 'index')) continue;
          context.report({ node, messageId: 'refused', data: { target, message: layer.message } });
          return;
        }
        const inside = layer.from.endsWith('/') && target.startsWith(layer.from);
        if (inside) continue;
        const denied = (layer.deny ?? []).some((entry) => matches(target, entry));
        const allowed =
          layer.allow === undefined || layer.allow.some((entry) => matches(target, entry));
        if (denied || !allowed) {
          context.report({ node, messageId: 'refused', data: { target, message: layer.message } });
          return;
        }
      }
    };
    const fromSource = (node) => check(node, node.source?.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) =>
        check(node, node.source.type === 'Literal' ? node.source.value : undefined),
    };
  },
};

export default { rules: { layers: layersRule } };
