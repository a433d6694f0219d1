package com.csr.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.csr.platform.testing.TestKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files through the gateway, to a stand-in ingest service: the form and the caller's key go on, the ingest service's
 * answers (202 with Location, reports, problems) come back as they are; a file bigger than Quarkus' default body
 * limit goes through whole.
 */
@QuarkusTest
@QuarkusTestResource(value = IngestStubResource.class, restrictToAnnotatedClass = true)
class FileUploadIT {

    @TestHTTPResource("/")
    URI gateway;

    @TempDir
    Path dir;

    private static Path tiny() throws URISyntaxException {
        return Path.of(FileUploadIT.class.getResource("/upload/tiny.csv").toURI());
    }

    @Test
    void anUploadGoesOnWithItsFieldsAndTheCallersKeyAndItsAnswerComesBack() throws Exception {
        String key = TestKeys.keyOf("uploader");
        given().header("Authorization", key).multiPart("file", tiny().toFile(), "text/csv")
                .multiPart("as_of", "2010-01-31").multiPart("columns", "customer=CustomerID,date=InvoiceDate,"
                        + "quantity=Quantity,price=UnitPrice").multiPart("file_id", "my-file")
                .post("/files").then().statusCode(202)
                .header("Location", equalTo(gateway.resolve("/files/stub-file").toString()))
                .body("file_id", equalTo("stub-file")).body("rows", equalTo(15));

        IngestStub.Upload upload = IngestStubResource.ingest.lastUpload();
        assertThat(upload.authorization()).isEqualTo(key);
        assertThat(upload.contentType()).startsWith("multipart/form-data; boundary=");
        assertThat(upload.body()).contains("name=\"file\"; filename=\"tiny.csv\"")
                .contains(Files.readString(tiny()))
                .containsPattern("name=\"as_of\"\r?\n(.+\r?\n)*\r?\n2010-01-31\r?\n")
                .containsPattern("name=\"file_id\"\r?\n(.+\r?\n)*\r?\nmy-file\r?\n")
                .contains("customer=CustomerID,date=InvoiceDate,quantity=Quantity,price=UnitPrice");
    }

    @Test
    void aMalformedMultipartBodyIsA400Problem() {
        // found by the hostile-input suite (deploy/local/fuzz.sh): a part without its headers was a 500
        String boundary = "46126596f08a02c2b1bfc66ae2fda6e9";
        for (String path : new String[] {"/files", "/files/preview"}) {
            given().header("Authorization", TestKeys.keyOf("uploader"))
                    .contentType("multipart/form-data; boundary=" + boundary)
                    .body(("--" + boundary + "\r\n-5451--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8))
                    .post(path).then().statusCode(400).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.startsWith("the multipart/form-data body is malformed"));
        }
    }

    @Test
    void theIngestServicesProblemsArePassedOnAsTheyAre() throws Exception {
        given().header("Authorization", TestKeys.keyOf("uploader")).multiPart("file", tiny().toFile())
                .multiPart("as_of", "bad-date").post("/files").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("as_of must be a date, YYYY-MM-DD; got 'bad-date'"))
                .body("instance", equalTo("/files"));
        given().header("Authorization", TestKeys.keyOf("uploader")).get("/files/unknown").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("no report for file unknown: unknown, or not ingested yet"));
    }

    @Test
    void reportsComeFromTheIngestService() {
        given().header("Authorization", TestKeys.keyOf("uploader")).get("/files").then().statusCode(200)
                .body("[0].file_id", equalTo("stub-file"));
        given().header("Authorization", TestKeys.keyOf("uploader")).get("/files/stub-file").then().statusCode(200)
                .body("rows_read", equalTo(15)).body("rows_kept", equalTo(6));
    }

    @Test
    void aFormWithoutAFileIsA400AndAnIngestServiceThatBreaksOffA503() {
        given().header("Authorization", TestKeys.keyOf("uploader")).multiPart("as_of", "2010-01-31")
                .post("/files").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("missing the 'file' part: send the transaction file as multipart form data"));
        given().header("Authorization", TestKeys.keyOf("uploader")).contentType("multipart/form-data")
                .body("{}".getBytes(StandardCharsets.UTF_8))
                .post("/files").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", TestKeys.keyOf("uploader")).get("/files/broken").then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", equalTo("the ingest service could not be reached or broke off; try again shortly"));
    }

    @Test
    void aFileBiggerThanTheDefaultBodyLimitGoesThroughWhole() throws IOException, URISyntaxException {
        Path big = dir.resolve("big.csv");
        byte[] row = "1001,A,Apple,2,2010-01-01 10:00,5.00,100,United Kingdom\n".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write(Files.readAllLines(tiny()).get(0)
                    .concat("\n").getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written < 24L << 20; written += row.length) {
                out.write(row);
            }
        }
        given().header("Authorization", TestKeys.keyOf("uploader")).multiPart("file", big.toFile())
                .post("/files").then().statusCode(202);
        assertThat(IngestStubResource.ingest.lastUpload().bytes()).isGreaterThan(Files.size(big));
    }
}
