package innopoints.app.registry.imports;

import innopoints.app.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The size limit holds on the real server (the servlet container parses uploads, not MockMvc). */
@ServiceTest
class ImportUploadLimitTest {
    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    HttpResponse<String> upload(String path, byte[] content) throws Exception {
        String boundary = "----innopoints" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nenterprises\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String auth = Base64.getEncoder().encodeToString(("kjj:" + ServiceTest.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + auth).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    static byte[] elevenMegabytes() {
        byte[] header = "统一社会信用代码,企业名称,所属板块\n".getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(header, 11 * 1024 * 1024);
        Arrays.fill(out, header.length, out.length, (byte) 'x');
        return out;
    }

    @Test
    void anUploadOverTenMegabytesIsRefusedWholeWithAReason() throws Exception {
        long imports = jdbc.sql("select count(*) from import_run").query(Long.class).single();
        HttpResponse<String> api = upload("/api/imports", elevenMegabytes());
        assertThat(api.statusCode()).isEqualTo(413);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(api.body()).contains("超过大小上限");
        HttpResponse<String> page = upload("/imports", elevenMegabytes());
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body()).contains("超过大小上限");
        assertThat(jdbc.sql("select count(*) from import_run").query(Long.class).single()).isEqualTo(imports);
    }
}
