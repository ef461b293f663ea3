package com.dateline.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dateline.support.SignIn;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backups from the command line, as the README shows them with curl: HTTP Basic, ADMIN only, against the running
 * server, which holds the database's file lock. The server runs on an H2 file (an in-memory database has nothing to
 * back up) with the shipped settings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BackupIT {

    @RegisterExtension
    final SignIn signIn = new SignIn();

    private static final Path DATA;

    static {
        try {
            DATA = Files.createTempDirectory("dateline-backup-it");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry registry) {
        registry.add("dateline.data-dir", DATA::toString);
        registry.add("spring.datasource.url", com.dateline.support.ShippedDatabase::url);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    BackupService backups;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void an_admin_backs_up_the_running_site_with_curl_and_downloads_the_file() throws Exception {
        var created = send("POST", "/api/backups", "admin@dateline.test:admin-demo-2008");

        assertThat(created.statusCode()).isEqualTo(201);
        var backup = JSON.readTree(created.body());
        var name = backup.path("name").asString();
        assertThat(name).matches("dateline-backup-\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}Z(-\\d+)?\\.zip");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/backups/" + name);
        var file = DATA.resolve("backups").resolve(name);
        assertThat(backup.path("location").asString())
                .isEqualTo(file.toAbsolutePath().toString());
        assertThat(backup.path("bytes").asLong()).isEqualTo(Files.size(file));

        var listed = send("GET", "/api/backups", "admin@dateline.test:admin-demo-2008");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(listed.body()).findValuesAsString("name")).contains(name);

        var download = http.send(
                request("GET", "/api/backups/" + name, "admin@dateline.test:admin-demo-2008")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value).contains(name));
        assertThat(download.body()).isEqualTo(Files.readAllBytes(file));
        assertThat(entries(download.body())).containsExactly("dateline.mv.db");
        // Written under a temporary name and renamed: nothing else is left in the folder.
        try (var left = Files.list(DATA.resolve("backups"))) {
            assertThat(left.map(path -> path.getFileName().toString()))
                    .allMatch(each -> each.startsWith("dateline-backup-"));
        }
    }

    @Test
    void two_backups_in_the_same_second_get_two_files() throws Exception {
        var first = JSON.readTree(send("POST", "/api/backups", "admin@dateline.test:admin-demo-2008")
                        .body())
                .path("name")
                .asString();
        var second = JSON.readTree(send("POST", "/api/backups", "admin@dateline.test:admin-demo-2008")
                        .body())
                .path("name")
                .asString();

        assertThat(second).isNotEqualTo(first);
        assertThat(DATA.resolve("backups").resolve(first)).exists();
        assertThat(DATA.resolve("backups").resolve(second)).exists();
    }

    @Test
    void the_backup_api_answers_only_an_admin() throws Exception {
        var anonymous = send("POST", "/api/backups", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        // No Basic challenge: a browser never offers to remember credentials for this API.
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(send("POST", "/api/backups", "admin@dateline.test:wrong-password")
                        .statusCode())
                .isEqualTo(401);
        assertThat(send("POST", "/api/backups", "moderator@dateline.test:moderator-demo-2008")
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/backups", "editor@dateline.test:editor-demo-2008")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void a_signed_in_admins_browser_session_does_not_open_the_api() throws Exception {
        var browser = HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .build();
        var login = browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var csrf = java.util.regex.Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"")
                .matcher(login.body());
        assertThat(csrf.find()).as("the sign-in page's CSRF token").isTrue();
        var signedIn = browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=admin%40dateline.test&password=admin-demo-2008&_csrf="
                                        + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));

        // What a page on another site could make that browser send: its cookies, but no credentials for the API.
        var forged = browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/backups"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(401);
    }

    @Test
    void a_name_that_is_not_a_backup_finds_nothing() throws Exception {
        assertThat(send("GET", "/api/backups/dateline.mv.db", "admin@dateline.test:admin-demo-2008")
                        .statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "/api/backups/..%2Fdateline.mv.db", "admin@dateline.test:admin-demo-2008")
                        .statusCode())
                .isIn(400, 404);
    }

    @Test
    void the_service_itself_refuses_everyone_but_an_admin() {
        assertThatThrownBy(backups::backUp).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        for (var email : new String[] {"reader@dateline.test", "moderator@dateline.test", "editor@dateline.test"}) {
            signIn.as(email);
            assertThatThrownBy(backups::backUp).as(email).isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(backups::backups).as(email).isInstanceOf(AuthorizationDeniedException.class);
        }
    }

    private HttpResponse<String> send(String method, String path, String credentials) throws Exception {
        return http.send(request(method, path, credentials).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String method, String path, String credentials) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private static java.util.List<String> entries(byte[] zip) throws IOException {
        var names = new ArrayList<String>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
