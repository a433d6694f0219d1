package com.csr.gateway.clients;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Several instances of one service behind one client: each call goes to the next instance in turn, so the load
 * spreads and a retry lands on another instance. On Kubernetes a Service balances and the list has one address;
 * on one machine ({@code ./csr up --replicas 2}) the list names every instance.
 */
final class RoundRobin {

    private RoundRobin() {
    }

    static <T> T of(Class<T> api, List<T> instances) {
        if (instances.size() == 1) {
            return instances.get(0);
        }
        AtomicInteger next = new AtomicInteger();
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, (proxy, method, args) ->
            switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                case "toString" -> api.getSimpleName() + " over " + instances.size() + " instances";
                default -> {
                    T instance = instances.get(Math.floorMod(next.getAndIncrement(), instances.size()));
                    try {
                        yield method.invoke(instance, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }
            }));
    }
}
