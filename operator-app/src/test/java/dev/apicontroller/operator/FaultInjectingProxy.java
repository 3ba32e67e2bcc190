package dev.apicontroller.operator;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.SSLUtils;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A plain-HTTP listener on 127.0.0.1 that forwards every request to the test API server over HTTPS
 * with the given configuration's client certificate (and its impersonated identity, if any), and,
 * while faults are on, answers some requests itself: 500 and 429 (Retry-After: 1) on any request,
 * 409 Conflict on writes other than forced server-side applies (never forwarded), and cuts open
 * watch streams mid-response.
 *
 * <p>It relays raw HTTP/1.1 over sockets rather than through an HTTP library: only a socket lets a
 * watch be cut the way a network failure cuts it (the connection closes mid-chunk, no terminating
 * chunk), and a byte relay streams watch events as they come. Each client connection gets its own
 * upstream TLS connection, kept alive across requests.
 */
final class FaultInjectingProxy implements AutoCloseable {
  /**
   * One request as the proxy saw it: the status it got (the API server's, or the injected fault's;
   * -1 when the connection ended before an answer) and whether the proxy injected it.
   */
  record Request(String method, String path, String query, int status, boolean injected) {
    boolean write() {
      return !method.equals("GET") && !method.equals("HEAD");
    }

    boolean watch() {
      return query.contains("watch=true") || query.contains("watch=1");
    }

    @Override
    public String toString() {
      return method + " " + path + (query.isEmpty() ? "" : "?" + query);
    }
  }

  /** Fault rates as probabilities per request; 409 applies to writes only. */
  record Rates(double serverError, double throttled, double conflict, long watchCutEveryMs) {}

  private static final Set<String> HOP_BY_HOP =
      Set.of("connection", "upgrade", "http2-settings", "keep-alive", "proxy-connection", "host");

  private final URI upstream;
  private final String impersonatedHeaders;
  private final SSLContext tls;
  private final ServerSocket listener;
  private final ExecutorService connections;
  private final Random random;
  private final Map<Socket, Socket> openWatches = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
  private final Thread acceptor;
  private final Thread watchCutter;
  private volatile Rates rates = new Rates(0, 0, 0, 0);
  private volatile boolean faultsOn;
  private volatile boolean closed;

  final AtomicInteger injected500 = new AtomicInteger();
  final AtomicInteger injected429 = new AtomicInteger();
  final AtomicInteger injected409 = new AtomicInteger();
  final AtomicInteger watchesCut = new AtomicInteger();
  final AtomicInteger forwarded = new AtomicInteger();

  FaultInjectingProxy(Config apiServer, long seed) {
    try {
      upstream = URI.create(apiServer.getMasterUrl());
      impersonatedHeaders = impersonation(apiServer);
      tls = SSLUtils.sslContext(apiServer);
      listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot build the TLS context for the API server", e);
    }
    random = new Random(seed);
    connections =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "fault-proxy-connection");
              t.setDaemon(true);
              return t;
            });
    acceptor = new Thread(this::acceptLoop, "fault-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    watchCutter = new Thread(this::cutWatchesLoop, "fault-proxy-watch-cutter");
    watchCutter.setDaemon(true);
    watchCutter.start();
  }

  /** The URL clients use instead of the API server's. */
  String url() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  void rates(Rates rates) {
    this.rates = rates;
  }

  void faults(boolean on) {
    faultsOn = on;
  }

  /** Every request seen since the last {@link #resetRequests()}. */
  List<Request> requests() {
    return new ArrayList<>(requests);
  }

  void resetRequests() {
    requests.clear();
  }

  String faultSummary() {
    return "injected500=%d injected429=%d injected409=%d watchesCut=%d forwarded=%d"
        .formatted(
            injected500.get(),
            injected429.get(),
            injected409.get(),
            watchesCut.get(),
            forwarded.get());
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        client.setTcpNoDelay(true);
        connections.execute(() -> serve(client));
      } catch (IOException e) {
        if (!closed) System.err.println("fault proxy: accept failed: " + e);
      }
    }
  }

  /** Cuts one open watch (client and upstream side) at random intervals while faults are on. */
  private void cutWatchesLoop() {
    while (!closed) {
      Rates current = rates;
      long every = current.watchCutEveryMs() > 0 ? current.watchCutEveryMs() : 1000;
      try {
        Thread.sleep(every / 2 + nextLong(every));
      } catch (InterruptedException e) {
        return;
      }
      if (!faultsOn || current.watchCutEveryMs() <= 0) continue;
      List<Map.Entry<Socket, Socket>> open = new ArrayList<>(openWatches.entrySet());
      if (open.isEmpty()) continue;
      Map.Entry<Socket, Socket> victim = open.get(nextInt(open.size()));
      if (openWatches.remove(victim.getKey()) != null) {
        watchesCut.incrementAndGet();
        closeQuietly(victim.getKey());
        closeQuietly(victim.getValue());
      }
    }
  }

  private void serve(Socket client) {
    Socket upstreamSocket = null;
    try (client) {
      InputStream fromClient = new BufferedInputStream(client.getInputStream());
      OutputStream toClient = new BufferedOutputStream(client.getOutputStream());
      InputStream fromUpstream = null;
      OutputStream toUpstream = null;
      while (!closed) {
        Head request = Head.read(fromClient);
        if (request == null) return;
        String[] line = request.startLine().split(" ", 3);
        String method = line[0];
        URI target = URI.create(line[1]);
        String path = target.getRawPath();
        String query = target.getRawQuery() == null ? "" : target.getRawQuery();

        int fault = chooseFault(method, target.getRawQuery());
        if (fault != 0) {
          requests.add(new Request(method, path, query, fault, true));
          relayBody(request, fromClient, OutputStream.nullOutputStream(), false);
          writeFault(toClient, fault, method, path);
          continue;
        }
        if (upstreamSocket == null) {
          upstreamSocket = connectUpstream();
          fromUpstream = new BufferedInputStream(upstreamSocket.getInputStream());
          toUpstream = new BufferedOutputStream(upstreamSocket.getOutputStream());
        }
        forwarded.incrementAndGet();
        boolean websocket = "websocket".equalsIgnoreCase(request.header("upgrade"));
        toUpstream.write(forwardedHead(request, websocket).getBytes(StandardCharsets.ISO_8859_1));
        relayBody(request, fromClient, toUpstream, false);
        toUpstream.flush();

        Head response = Head.read(fromUpstream);
        int status =
            response == null ? -1 : Integer.parseInt(response.startLine().split(" ", 3)[1]);
        requests.add(new Request(method, path, query, status, false));
        if (response == null) return;
        toClient.write(response.bytes());
        toClient.flush();
        Request seen = new Request(method, path, query, status, false);
        if (websocket && status == 101) {
          pipeWebSocket(client, upstreamSocket, fromClient, toUpstream, fromUpstream, toClient);
          return;
        }
        boolean watch = seen.watch() && status == 200;
        if (watch) openWatches.put(client, upstreamSocket);
        try {
          boolean untilClose =
              !hasNoBody(method, response) && relayBody(response, fromUpstream, toClient, true);
          toClient.flush();
          if (untilClose || "close".equalsIgnoreCase(response.header("connection"))) return;
        } finally {
          if (watch) openWatches.remove(client);
        }
      }
    } catch (IOException | RuntimeException e) {
      // A cut watch, a client that went away, or the API server closing: the connection ends.
    } finally {
      if (upstreamSocket != null) closeQuietly(upstreamSocket);
    }
  }

  /**
   * fabric8 watches over a WebSocket: after the 101 the connection carries frames both ways until
   * one side closes it, or the watch cutter does.
   */
  private void pipeWebSocket(
      Socket client,
      Socket upstreamSocket,
      InputStream fromClient,
      OutputStream toUpstream,
      InputStream fromUpstream,
      OutputStream toClient) {
    openWatches.put(client, upstreamSocket);
    try {
      connections.execute(() -> pump(fromClient, toUpstream, client, upstreamSocket));
      pump(fromUpstream, toClient, client, upstreamSocket);
    } finally {
      openWatches.remove(client);
    }
  }

  private static void pump(InputStream in, OutputStream out, Socket a, Socket b) {
    byte[] buffer = new byte[16384];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // cut or closed
    } finally {
      closeQuietly(a);
      closeQuietly(b);
    }
  }

  private int chooseFault(String method, String query) {
    if (!faultsOn) return 0;
    Rates r = rates;
    double roll = nextDouble();
    if (roll < r.serverError()) {
      injected500.incrementAndGet();
      return 500;
    }
    if (roll < r.serverError() + r.throttled()) {
      injected429.incrementAndGet();
      return 429;
    }
    boolean write = !method.equals("GET") && !method.equals("HEAD");
    // A forced server-side apply has no resourceVersion precondition and takes over conflicting
    // fields, so the API server never answers it with 409; injecting one would test a fault that
    // cannot happen (and java-operator-sdk, rightly, waits for the newer version a 409 implies).
    boolean forcedApply = method.equals("PATCH") && query != null && query.contains("force=true");
    if (write && !forcedApply && nextDouble() < r.conflict()) {
      injected409.incrementAndGet();
      return 409;
    }
    return 0;
  }

  /** A Kubernetes {@code Status} body, as the API server would send for the same code. */
  private static void writeFault(OutputStream out, int code, String method, String path)
      throws IOException {
    String reason =
        switch (code) {
          case 409 -> "Conflict";
          case 429 -> "TooManyRequests";
          default -> "InternalError";
        };
    String message =
        switch (code) {
          case 409 ->
              "Operation cannot be fulfilled on "
                  + path
                  + ": the object has been modified; please apply your changes to the latest"
                  + " version and try again (injected)";
          case 429 -> "Too many requests, please try again later (injected)";
          default -> "Internal error occurred: injected by FaultInjectingProxy for " + method;
        };
    String body =
        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
            + "\"message\":\""
            + message.replace("\"", "'")
            + "\",\"reason\":\""
            + reason
            + "\",\"code\":"
            + code
            + "}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + code
            + " "
            + reason
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + bytes.length
            + "\r\n"
            + (code == 429 ? "Retry-After: 1\r\n" : "")
            + "\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(bytes);
    out.flush();
  }

  private Socket connectUpstream() throws IOException {
    int port = upstream.getPort() > 0 ? upstream.getPort() : 443;
    SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket();
    socket.connect(new InetSocketAddress(upstream.getHost(), port), 5000);
    socket.setTcpNoDelay(true);
    socket.startHandshake();
    return socket;
  }

  /**
   * The identity to act as, when {@code apiServer} impersonates one (such as deploy/'s
   * ServiceAccount): every forwarded request then carries it, so the API server's RBAC judges the
   * operator's requests as in a cluster.
   */
  private static String impersonation(Config apiServer) {
    StringBuilder headers = new StringBuilder();
    if (apiServer.getImpersonateUsername() != null) {
      headers
          .append("Impersonate-User: ")
          .append(apiServer.getImpersonateUsername())
          .append("\r\n");
      String[] groups = apiServer.getImpersonateGroups();
      if (groups != null) {
        for (String group : groups)
          headers.append("Impersonate-Group: ").append(group).append("\r\n");
      }
    }
    return headers.toString();
  }

  /**
   * The request head with hop-by-hop headers dropped (no h2c upgrade: the upstream connection is
   * HTTP/1.1) except a WebSocket upgrade's, and our Host.
   */
  private String forwardedHead(Head request, boolean websocket) {
    StringBuilder head = new StringBuilder(request.startLine()).append("\r\n");
    for (String[] header : request.headers()) {
      String name = header[0].toLowerCase(Locale.ROOT);
      boolean upgradeHeader = name.equals("connection") || name.equals("upgrade");
      if (HOP_BY_HOP.contains(name) && !(websocket && upgradeHeader)) continue;
      if (name.startsWith("impersonate-")) continue; // only the proxy's identity counts
      head.append(header[0]).append(": ").append(header[1]).append("\r\n");
    }
    head.append(impersonatedHeaders);
    head.append("Host: ").append(upstream.getHost()).append(':').append(upstream.getPort());
    return head.append("\r\n\r\n").toString();
  }

  private static boolean hasNoBody(String method, Head response) {
    String status = response.startLine().split(" ", 3)[1];
    return method.equals("HEAD")
        || status.startsWith("1")
        || status.equals("204")
        || status.equals("304");
  }

  /**
   * Copies a message body as framed by its head, flushing after every chunk so that watch events
   * pass at once. Returns true when the body ran until the connection closed.
   */
  private static boolean relayBody(Head head, InputStream in, OutputStream out, boolean response)
      throws IOException {
    String encoding = head.header("transfer-encoding");
    String length = head.header("content-length");
    if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
      while (true) {
        String sizeLine = readLine(in);
        out.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
        if (size == 0) {
          String trailer;
          do {
            trailer = readLine(in);
            out.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
          } while (!trailer.isEmpty());
          out.flush();
          return false;
        }
        copy(in, out, size);
        String end = readLine(in);
        out.write((end + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
    }
    if (length != null) {
      copy(in, out, Long.parseLong(length.trim()));
      return false;
    }
    if (!response) return false;
    in.transferTo(out);
    return true;
  }

  private static void copy(InputStream in, OutputStream out, long count) throws IOException {
    byte[] buffer = new byte[8192];
    long left = count;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) throw new EOFException("body cut short");
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      line.write(b);
    }
    throw new EOFException("connection closed mid-line");
  }

  /** A request or response head: start line and headers in order. */
  record Head(String startLine, List<String[]> headers) {
    /** The head, or null when the connection closed cleanly before one began. */
    static Head read(InputStream in) throws IOException {
      in.mark(1);
      if (in.read() == -1) return null;
      in.reset();
      String start = readLine(in);
      List<String[]> headers = new ArrayList<>();
      for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.add(
              new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
        }
      }
      return new Head(start, headers);
    }

    String header(String name) {
      for (String[] h : headers) if (h[0].equalsIgnoreCase(name)) return h[1];
      return null;
    }

    byte[] bytes() {
      StringBuilder b = new StringBuilder(startLine).append("\r\n");
      for (String[] h : headers) b.append(h[0]).append(": ").append(h[1]).append("\r\n");
      return b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }
  }

  private synchronized double nextDouble() {
    return random.nextDouble();
  }

  private synchronized int nextInt(int bound) {
    return random.nextInt(bound);
  }

  private synchronized long nextLong(long bound) {
    return (long) (random.nextDouble() * bound);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException e) {
      // already closed
    }
    watchCutter.interrupt();
    openWatches.keySet().forEach(FaultInjectingProxy::closeQuietly);
    connections.shutdownNow();
  }
}
