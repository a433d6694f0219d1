package com.csr.platform.work;

import com.csr.contracts.problems.TooManyRequestsException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Background work of many tenants on a few threads, fairly: the tenants take turns, each has at most one task
 * running at a time, and at most {@code maxWaiting} waiting. A tenant that queues many heavy jobs waits behind its
 * own jobs only; another tenant's job starts on the next free thread. A task that fails ends alone.
 */
public final class TenantTurns implements AutoCloseable {

    private final int maxWaiting;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    /** Per tenant, its tasks not started. */
    private final Map<String, ArrayDeque<Runnable>> waiting = new HashMap<>();
    /** Tenants with a task waiting and none running, in the order of their turns. */
    private final ArrayDeque<String> turns = new ArrayDeque<>();
    private final Set<String> running = new HashSet<>();
    private final Thread[] threads;
    private volatile boolean closed;

    /**
     * @param name       the threads' name
     * @param threads    how many tasks run at once, of different tenants
     * @param maxWaiting how many tasks a tenant may have waiting
     */
    public TenantTurns(String name, int threads, int maxWaiting) {
        this.maxWaiting = maxWaiting;
        this.threads = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            this.threads[i] = new Thread(this::work, name + "-" + i);
            this.threads[i].setDaemon(true);
            this.threads[i].start();
        }
    }

    /**
     * Checks there is room for one more task of the tenant, before anything is recorded for it.
     *
     * @throws TooManyRequestsException when the tenant has {@code maxWaiting} tasks waiting
     */
    public void requireRoom(String tenantId) {
        lock.lock();
        try {
            ArrayDeque<Runnable> mine = waiting.get(tenantId);
            if (mine != null && mine.size() >= maxWaiting) {
                throw new TooManyRequestsException(maxWaiting + " jobs of this tenant are already waiting; start "
                        + "more when they have run", Duration.ofSeconds(30));
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues a task of the tenant.
     *
     * @throws TooManyRequestsException when the tenant has {@code maxWaiting} tasks waiting
     */
    public void submit(String tenantId, Runnable task) {
        lock.lock();
        try {
            requireRoom(tenantId);
            waiting.computeIfAbsent(tenantId, t -> new ArrayDeque<>()).add(task);
            if (!running.contains(tenantId) && !turns.contains(tenantId)) {
                turns.addLast(tenantId);
                work.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many tasks wait, over all tenants. */
    public int waiting() {
        lock.lock();
        try {
            return waiting.values().stream().mapToInt(ArrayDeque::size).sum();
        } finally {
            lock.unlock();
        }
    }

    private void work() {
        while (!closed) {
            String tenantId;
            Runnable task;
            lock.lock();
            try {
                while (turns.isEmpty() && !closed) {
                    work.await();
                }
                if (closed) {
                    return;
                }
                tenantId = turns.pollFirst();
                task = waiting.get(tenantId).poll();
                running.add(tenantId);
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                // the task reports its own failure; the thread goes on with the next turn
            } finally {
                lock.lock();
                try {
                    running.remove(tenantId);
                    if (waiting.get(tenantId).isEmpty()) {
                        waiting.remove(tenantId);
                    } else {
                        turns.addLast(tenantId);
                        work.signal();
                    }
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread thread : threads) {
            thread.interrupt();
        }
    }
}
