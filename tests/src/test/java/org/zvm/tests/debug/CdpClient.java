// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests.debug;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.zvm.util.Json;

/**
 * A minimal Chrome DevTools Protocol client over the JDK's WebSocket: what Chrome's DevTools front end
 * sends, reduced to request/response and an event log, so tests speak the real protocol to the
 * inspector instead of calling the Truffle debugger directly.
 */
public final class CdpClient implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 60;

    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    /** Every event received, in order; {@link #awaitEvent} consumes them. */
    private final List<Map<String, Object>> events = new ArrayList<>();

    private CdpClient(WebSocket socket) {
        this.socket = socket;
    }

    /** Connects to {@code uri}, retrying while the inspector's server is still starting. */
    public static CdpClient connect(URI uri) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        Listener listener = new Listener();
        while (true) {
            try {
                WebSocket ws = http.newWebSocketBuilder().buildAsync(uri, listener).join();
                CdpClient client = new CdpClient(ws);
                listener.client = client;
                return client;
            } catch (CompletionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** Sends a command and returns its {@code result}; a protocol error fails the test. */
    public Map<String, Object> send(String method, Object... keyValues) {
        int id = ids.incrementAndGet();
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put((String) keyValues[i], keyValues[i + 1]);
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("method", method);
        message.put("params", params);
        CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(Json.write(message), true).join();
        Map<String, Object> response = reply.orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
        if (response.containsKey("error")) {
            throw new AssertionError(method + " failed: " + Json.write(response.get("error")));
        }
        return map(response.get("result"));
    }

    /** The first unconsumed event named {@code method} that satisfies {@code test}; earlier ones stay. */
    public Map<String, Object> awaitEvent(String method, Predicate<Map<String, Object>> test) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        synchronized (events) {
            while (true) {
                for (int i = 0; i < events.size(); i++) {
                    Map<String, Object> e = events.get(i);
                    if (method.equals(e.get("method")) && test.test(map(e.get("params")))) {
                        events.remove(i);
                        return map(e.get("params"));
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no " + method + " event within " + TIMEOUT_SECONDS + " s; got " + events);
                }
                TimeUnit.NANOSECONDS.timedWait(events, left);
            }
        }
    }

    public Map<String, Object> awaitEvent(String method) throws InterruptedException {
        return awaitEvent(method, p -> true);
    }

    private void received(String text) {
        Map<String, Object> message = map(Json.parse(text));
        Object id = message.get("id");
        if (id != null) {
            CompletableFuture<Map<String, Object>> reply = pending.remove(((Number) id).intValue());
            if (reply != null) {
                reply.complete(message);
            }
            return;
        }
        synchronized (events) {
            events.add(message);
            events.notifyAll();
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(t -> null).join();
    }

    /** Joins a message's fragments and hands it to the client. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private volatile CdpClient client;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                while (client == null) {
                    Thread.onSpinWait();
                }
                client.received(text);
            }
            ws.request(1);
            return null;
        }
    }
}
