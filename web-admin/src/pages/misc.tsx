import { Navigate } from 'react-router';
import { homeByRole } from '../auth/roles';
import { useRole } from '../auth/useSession';
import { ErrorView } from '../components/Problem';
import { ApiError } from '../api/client';

export function HomeRedirect() {
  const role = useRole();
  return <Navigate to={role ? homeByRole[role] : '/login'} replace />;
}

export function NotFoundPage() {
  return <ErrorView error={new ApiError(404, undefined)} />;
}
