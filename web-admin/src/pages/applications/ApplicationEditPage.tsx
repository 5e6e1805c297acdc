import { useParams, useSearchParams } from 'react-router';
import { QueryState } from '../../components/Problem';
import { ApplicationEditor } from './components/ApplicationEditor';
import { useApplication } from './queries';
import { useChallenge } from '../challenges/queries';

export function ApplicationEditPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const existing = useApplication(id, !!id);
  const challengeId = existing.data?.challengeId ?? params.get('challenge') ?? '';
  const challenge = useChallenge(challengeId, !!challengeId);
  if (id && !existing.data) return <QueryState query={existing}>{() => null}</QueryState>;
  return <QueryState query={challenge}>{(c) => <ApplicationEditor challenge={c} existing={existing.data} />}</QueryState>;
}

