package innopoints.bench.load;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An open-loop load generator for one endpoint of the service: requests are started at a fixed
 * rate whatever the answers' speed, and each latency is measured from the moment its request was
 * due, so a slow answer that delays the next ones is counted against them too (no coordinated
 * omission). Signs in once with the form and reuses the session, as a browser does.
 *
 * <pre>java -cp bench/target/benchmarks.jar innopoints.bench.load.LoadTest \
 *   --base http://localhost:8080 --user kjj --password ... --path '/api/enterprises/%d/matching' \
 *   --ids 1-100000 --rate 200 --seconds 60 --warmup 15</pre>
 */
public final class LoadTest {
    public static void main(String[] args) throws Exception {
        String base = "http://localhost:8080", user = "kjj", password = null, path = "/api/enterprises/%d/matching", ids = "1-1000";
        int rate = 200, seconds = 60, warmup = 15;
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--base" -> base = v;
                case "--user" -> user = v;
                case "--password" -> password = v;
                case "--path" -> path = v;
                case "--ids" -> ids = v;
                case "--rate" -> rate = Integer.parseInt(v);
                case "--seconds" -> seconds = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (password == null) throw new IllegalArgumentException("--password is required");
        long lo = Long.parseLong(ids.split("-")[0]), hi = Long.parseLong(ids.split("-")[1]);
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        signIn(http, base, user, password);
        System.out.printf("warm-up: %d s at %d requests/s%n", warmup, rate);
        run(http, base, path, lo, hi, rate, warmup, false);
        System.out.printf("measured: %d s at %d requests/s on %s (ids %d-%d)%n", seconds, rate, path, lo, hi);
        run(http, base, path, lo, hi, rate, seconds, true);
    }

    static void signIn(HttpClient http, String base, String user, String password) throws IOException, InterruptedException {
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!m.find()) throw new IllegalStateException("no CSRF token on the sign-in page");
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = r.headers().firstValue("Location").orElse("");
        if (location.contains("error")) throw new IllegalStateException("sign-in refused for " + user + ": " + location);
    }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    static void run(HttpClient http, String base, String path, long lo, long hi, int rate, int seconds, boolean report) throws InterruptedException {
        int n = rate * seconds;
        long[] latency = new long[n];
        AtomicInteger errors = new AtomicInteger();
        SplittableRandom random = new SplittableRandom(42);
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                long due = start + i * period;
                long wait = due - System.nanoTime();
                if (wait > 0) LockSupport.parkNanos(wait);
                int slot = i;
                URI uri = URI.create(base + String.format(path, random.nextLong(lo, hi + 1)));
                pool.submit(() -> {
                    try {
                        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) errors.incrementAndGet();
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                    }
                    latency[slot] = System.nanoTime() - due;
                });
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (!report) return;
        Arrays.sort(latency);
        System.out.printf("requests %d in %.1f s (%.1f/s), errors %d%n", n, elapsed, n / elapsed, errors.get());
        System.out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                ms(latency, 0.50), ms(latency, 0.90), ms(latency, 0.99), ms(latency, 0.999), latency[n - 1] / 1e6);
    }

    static double ms(long[] sorted, double q) { return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6; }
}
