package com.dateline.base;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * What the load harness needs to compute the heap a session keeps: the live heap after a full collection and the
 * number of open HTTP sessions, at /actuator/liveheap. Only the {@code benchmark} profile has it: it forces a full
 * garbage collection on every call, which no public site should allow.
 */
@Component
@Profile("benchmark")
@Endpoint(id = "liveheap")
class LiveHeapEndpoint implements HttpSessionListener {

    private final AtomicLong openSessions = new AtomicLong();
    private final AtomicLong sessionsCreated = new AtomicLong();

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        openSessions.incrementAndGet();
        sessionsCreated.incrementAndGet();
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        openSessions.decrementAndGet();
    }

    @ReadOperation
    Map<String, Object> liveHeap() {
        // Two collections: the first may only queue finalizable objects and soft references for the second.
        System.gc();
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        var answer = new LinkedHashMap<String, Object>();
        answer.put("liveHeapBytes", heap.getUsed());
        answer.put("openSessions", openSessions.get());
        answer.put("sessionsCreated", sessionsCreated.get());
        return answer;
    }
}
