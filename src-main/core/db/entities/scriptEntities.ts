import { EntitySchema } from 'typeorm';
import { flag, references, rowid } from './columnTypes';

export interface ScriptRow {
  id: number;
  uid: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

export interface ScriptVersionRow {
  id: number;
  scriptId: number;
  version: number;
  status: 'draft' | 'published';
  /** The script's graph (scriptGraphSchema), as JSON. */
  graph: string;
  createdBy: string;
  createdAt: string;
  publishedAt: string | null;
  /** A draft scheduled to be published then. */
  publishAt: string | null;
  script?: ScriptRow;
}

export interface ScriptRunRow {
  id: number;
  versionId: number;
  interactionId: number | null;
  clientId: number | null;
  startedBy: string;
  startedAt: string;
  currentNode: string;
  endedAt: string | null;
  test: boolean;
  /** The run's global id (migration 17), made by a trigger on insert. */
  uid: string | null;
  version?: ScriptVersionRow;
  interaction?: unknown;
  client?: unknown;
}

export interface ScriptRunStepRow {
  id: number;
  runId: number;
  /** The run's version, kept on each step so a version's statistics read one index. */
  versionId: number;
  at: string;
  kind: 'enter' | 'answer' | 'back' | 'exit';
  nodeId: string;
  /** An answer's value (JSON), when the step is one. */
  value: string | null;
  /** On an enter step: how long the run stayed on the node, once it left. */
  seconds: number | null;
  run?: ScriptRunRow;
  version?: ScriptVersionRow;
}

export const ScriptEntity = new EntitySchema<ScriptRow>({
  name: 'Script',
  tableName: 'scripts',
  columns: {
    id: rowid,
    uid: { type: 'text', unique: true },
    name: { type: 'text' },
    createdAt: { type: 'text', name: 'created_at' },
    updatedAt: { type: 'text', name: 'updated_at' },
  },
});

export const ScriptVersionEntity = new EntitySchema<ScriptVersionRow>({
  name: 'ScriptVersion',
  tableName: 'script_versions',
  columns: {
    id: rowid,
    scriptId: { type: 'integer', name: 'script_id' },
    version: { type: 'integer' },
    status: { type: 'text' },
    graph: { type: 'text' },
    createdBy: { type: 'text', name: 'created_by' },
    createdAt: { type: 'text', name: 'created_at' },
    publishedAt: { type: 'text', name: 'published_at', nullable: true },
    publishAt: { type: 'text', name: 'publish_at', nullable: true },
  },
  relations: {
    script: references('Script', 'script_versions', 'script_id', 'CASCADE'),
  },
  indices: [{ name: 'script_versions_number', columns: ['scriptId', 'version'], unique: true }],
});

export const ScriptRunEntity = new EntitySchema<ScriptRunRow>({
  name: 'ScriptRun',
  tableName: 'script_runs',
  columns: {
    id: rowid,
    versionId: { type: 'integer', name: 'version_id' },
    interactionId: { type: 'integer', name: 'interaction_id', nullable: true },
    clientId: { type: 'integer', name: 'client_id', nullable: true },
    startedBy: { type: 'text', name: 'started_by' },
    startedAt: { type: 'text', name: 'started_at' },
    currentNode: { type: 'text', name: 'current_node' },
    endedAt: { type: 'text', name: 'ended_at', nullable: true },
    /** A try of a draft by its author (migration 9): counted nowhere, removed on publishing. */
    test: flag({ default: false }),
    uid: { type: 'text', nullable: true },
  },
  relations: {
    version: references('ScriptVersion', 'script_runs', 'version_id', 'NO ACTION'),
    interaction: references('Interaction', 'script_runs', 'interaction_id', 'SET NULL'),
    client: references('Client', 'script_runs', 'client_id', 'SET NULL'),
  },
  indices: [
    { name: 'script_runs_interaction', columns: ['interactionId'] },
    { name: 'script_runs_version', columns: ['versionId', 'endedAt', 'currentNode'] },
    { name: 'script_runs_uid', columns: ['uid'], unique: true },
  ],
});

/** A colleague's ended run, as their runner drew it (migration 17). */
export interface TeamScriptRunRow {
  uid: string;
  clientUid: string;
  operator: string;
  /** The run's summary (RunSummary's shape) as JSON. */
  summary: string;
  receivedAt: string;
}

export const TeamScriptRunEntity = new EntitySchema<TeamScriptRunRow>({
  name: 'TeamScriptRun',
  tableName: 'team_script_runs',
  columns: {
    uid: { type: 'text', primary: true },
    clientUid: { type: 'text', name: 'client_uid' },
    operator: { type: 'text' },
    summary: { type: 'text' },
    receivedAt: { type: 'text', name: 'received_at' },
  },
  indices: [{ name: 'team_script_runs_client', columns: ['clientUid'] }],
});

export const ScriptRunStepEntity = new EntitySchema<ScriptRunStepRow>({
  name: 'ScriptRunStep',
  tableName: 'script_run_steps',
  columns: {
    id: rowid,
    runId: { type: 'integer', name: 'run_id' },
    versionId: { type: 'integer', name: 'version_id' },
    at: { type: 'text' },
    kind: { type: 'text' },
    nodeId: { type: 'text', name: 'node_id' },
    value: { type: 'text', nullable: true },
    seconds: { type: 'real', nullable: true },
  },
  relations: {
    run: references('ScriptRun', 'script_run_steps', 'run_id', 'CASCADE'),
    version: references('ScriptVersion', 'script_run_steps', 'version_id', 'NO ACTION'),
  },
  indices: [
    { name: 'script_run_steps_run', columns: ['runId', 'id'] },
    {
      name: 'script_run_steps_reach',
      columns: ['versionId', 'kind', 'nodeId', 'runId', 'seconds'],
    },
    { name: 'script_run_steps_answers', columns: ['versionId', 'kind', 'nodeId', 'value'] },
  ],
});
