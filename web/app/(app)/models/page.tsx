import { Suspense } from 'react';
import { Retrain } from '@/components/Retrain';
import { Card, PageTitle, Skeleton } from '@/components/ui';
import { activeModels, churnEvaluation, ltvEvaluation, trainings, versions } from '@/lib/api/models';
import { load } from '@/lib/gateway';
import { ActiveModel, Calibration, Deciles, KINDS, RocCurve, Trainings, Versions } from './widgets';

export const dynamic = 'force-dynamic';

export default function ModelsPage() {
  // every call starts now, side by side; each widget waits for its own
  const active = load(activeModels());
  const history = KINDS.map(([kind]) => load(versions(kind)));
  const churn = load(churnEvaluation());
  const ltv = load(ltvEvaluation());
  const runs = load(trainings());
  return (
    <>
      <PageTitle title="Models" lead="The model in service for each kind, the challengers, and retraining." />
      <div className="mb-6"><Card title="Retrain"><Retrain /></Card></div>
      <div className="grid gap-4 lg:grid-cols-3">
        {KINDS.map(([kind, title, shown], i) => (
          <Card key={kind} title={title}>
            <Suspense fallback={<Skeleton className="h-28" />}>
              <ActiveModel models={active} kind={kind} shown={shown} />
            </Suspense>
            <Suspense fallback={<Skeleton className="mt-3 h-6" />}>
              <Versions versions={history[i]} shown={shown} />
            </Suspense>
          </Card>
        ))}
      </div>
      <div className="mt-6">
        <Card title="Trainings">
          <Suspense fallback={<Skeleton className="h-40" />}><Trainings trainings={runs} /></Suspense>
        </Card>
      </div>
      <h2 className="mb-3 mt-8 text-lg font-semibold">Out-of-time evaluation of the active models</h2>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="Churn: ROC curve">
          <Suspense fallback={<Skeleton className="h-64" />}><RocCurve evaluation={churn} /></Suspense>
        </Card>
        <Card title="Churn: calibration">
          <Suspense fallback={<Skeleton className="h-64" />}><Calibration evaluation={churn} /></Suspense>
        </Card>
        <Card title="Lifetime value: deciles">
          <Suspense fallback={<Skeleton className="h-64" />}><Deciles evaluation={ltv} /></Suspense>
        </Card>
      </div>
    </>
  );
}
