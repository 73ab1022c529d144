package innopoints.app.registry.imports;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An upload that dies half-way is on record as failed (导入失败), never lost and never left running. */
class ImportFailureTest extends ImportTestSupport {
    @Autowired ImportService imports;

    @Test
    void anUploadWhoseStreamBreaksHalfWayIsRecordedAsFailedAndWritesNothing() throws Exception {
        byte[] file = ImportEnterprisesTest.threeEnterprises();
        byte[] head = java.util.Arrays.copyOf(file, file.length / 2);
        InputStream breaking = new SequenceInputStream(new ByteArrayInputStream(head), new InputStream() {
            @Override
            public int read() throws IOException { throw new IOException("Connection reset by peer"); }
        });

        ImportService.Result result = imports.upload(officer(), "enterprises", "中途断开.csv", file.length, breaking::readAllBytes);

        assertThat(result.status()).isEqualTo(500);
        ImportRun run = result.report().run();
        assertThat(run.status()).isEqualTo("failed");
        assertThat(run.statusLabel()).isEqualTo("导入失败");
        assertThat(run.fileName()).isEqualTo("中途断开.csv");
        assertThat(run.uploadedBy()).isEqualTo("kjj");
        assertThat(result.report().summary()).startsWith("导入失败，未写入任何数据");
        assertThat(enterprises(1, 3)).isZero();
        assertThat(jdbc.sql("select status from import_run where file_name = '中途断开.csv'").query(String.class).list())
                .containsExactly("failed");
    }

    @Test
    void anExceptionWhileReadingTheFileIsRecordedAsFailed() throws Exception {
        ImportService.Result result = imports.upload(officer(), null, "读取出错.csv", 100, () -> {
            throw new IllegalStateException("simulated reader failure");
        });
        assertThat(result.status()).isEqualTo(500);
        assertThat(result.report().run().status()).isEqualTo("failed");
        assertThat(result.report().errors()).extracting(RowError::message).allMatch(m -> !m.contains("simulated") && !m.contains("Exception"));
        mvc.perform(get("/api/imports/" + result.report().run().id()).with(user(officer()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("failed")).andExpect(jsonPath("$.statusLabel").value("导入失败"));
    }

    @Test
    void anImportLeftRunningByAStoppedProcessIsFailedAtStartAndShownSo() throws Exception {
        long left = jdbc.sql("""
                        insert into import_run (kind, file_name, content_sha256, size_bytes, uploaded_by, status, rows_total, rows_rejected)
                        values ('enterprises', '被中断.csv', '', 10, 'kjj', 'running', 0, 0) returning id""").query(Long.class).single();
        mvc.perform(get("/imports/" + left).with(user(officer()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("处理中")));

        assertThat(imports.failAbandoned()).isEqualTo(1);

        assertThat(jdbc.sql("select status from import_run where id = ?").param(left).query(String.class).single()).isEqualTo("failed");
        mvc.perform(get("/imports/" + left).with(user(officer()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("导入失败")))
                .andExpect(content().string(containsString("服务在导入过程中停止")));
        mvc.perform(get("/imports").with(user(officer()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("导入失败")));
    }
}
