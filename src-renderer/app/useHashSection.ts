import { useCallback, useEffect, useState } from 'react';
import { isSectionId, type SectionId } from './sections';

// The section lives in the hash (#/clients): in-page navigation, so it never
// triggers will-navigate, and a reload keeps the operator where they were.
function readSection(): SectionId {
  const id = window.location.hash.replace(/^#\/?/, '');
  return isSectionId(id) ? id : 'calls';
}

export function useHashSection(): [SectionId, (id: SectionId) => void] {
  const [section, setSection] = useState<SectionId>(readSection);
  useEffect(() => {
    const onHashChange = () => setSection(readSection());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const go = useCallback((id: SectionId) => {
    window.location.hash = `#/${id}`;
    setSection(id);
  }, []);
  return [section, go];
}
