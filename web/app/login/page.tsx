import { SignInForm } from './SignInForm';

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ expired?: string; ended?: string }> }) {
  const { expired, ended } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl bg-white p-6 shadow">
        <h1 className="mb-1 text-xl font-semibold">Retention platform</h1>
        <p className="mb-6 text-sm text-slate-600">
          Sign in with your organisation&apos;s API key. It stays on this server; your browser never sees it again.
        </p>
        <SignInForm expired={expired === '1'} ended={ended === '1'} />
      </div>
    </main>
  );
}
