package io.notejam.express;

import static io.notejam.express.Fixtures.USER1;
import static io.notejam.express.Fixtures.USER2;
import static io.notejam.express.Fixtures.credentials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The original mocha suite's 25 behaviours (spec 7.3), in its execution order, on its fixtures,
 * with JSON bodies: the conformance baseline.
 */
@MicronautTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OriginalSuiteTest extends ServiceTest {
  private Browser noteAgent;
  private Browser padAgent;

  @BeforeAll
  void fixturesAndAgents() {
    Fixtures.apply(schema);
    noteAgent = signedIn(USER1);
    padAgent = signedIn(USER1);
  }

  private List<String> toHome(Browser agent) {
    return List.of(agent.url("/express"), agent.url("/express/"));
  }

  @Test
  @Order(1)
  void noteCanBeSuccessfullyCreated() {
    var res =
        noteAgent.postJsonFollowing(
            "/express/notes/create", "{\"name\":\"New note\",\"text\":\"text\",\"pad_id\":1}");
    assertEquals(toHome(noteAgent), res.redirects());
    assertTrue(res.body().contains("Note is successfully created"));
  }

  @Test
  @Order(2)
  void noteCanBeSuccessfullyEdited() {
    var res =
        noteAgent.postJsonFollowing(
            "/express/notes/1/edit", "{\"name\":\"New name\",\"text\":\"New text\"}");
    assertEquals(List.of(noteAgent.url("/express/notes/1")), res.redirects());
    assertTrue(res.body().contains("Note is successfully updated"));
  }

  @Test
  @Order(3)
  void noteCanBeSuccessfullyDeleted() {
    var res = noteAgent.follow(noteAgent.post("/express/notes/2/delete"));
    assertEquals(toHome(noteAgent), res.redirects());
    assertTrue(res.body().contains("Note is successfully deleted"));
  }

  @Test
  @Order(4)
  void noteCanBeSuccessfullyViewed() {
    assertEquals(200, noteAgent.get("/express/notes/1").status());
  }

  @Test
  @Order(5)
  void noteCanNotBeCreatedIfRequiredFieldsAreMissing() {
    var res = noteAgent.postJsonFollowing("/express/notes/create", "{\"name\":\"\",\"text\":\"\"}");
    assertTrue(res.body().contains("Name is required"));
    assertTrue(res.body().contains("Text is required"));
  }

  @Test
  @Order(6)
  void noteCanNotBeEditedIfRequiredFieldsAreMissing() {
    var res = noteAgent.postJsonFollowing("/express/notes/1/edit", "{\"name\":\"\",\"text\":\"\"}");
    assertTrue(res.body().contains("Name is required"));
    assertTrue(res.body().contains("Text is required"));
  }

  @Test
  @Order(7)
  void noteCanNotBeEditedByNotAnOwner() {
    var res =
        signedIn(USER2)
            .postJson("/express/notes/1/edit", "{\"name\":\"new name\",\"text\":\"new text\"}");
    assertEquals(404, res.status());
  }

  @Test
  @Order(8)
  void noteCanNotBeDeletedByNotAnOwner() {
    assertEquals(404, signedIn(USER2).post("/express/notes/1/delete").status());
  }

  @Test
  @Order(9)
  void noteCanNotBeViewedByNotAnOwner() {
    assertEquals(404, signedIn(USER2).get("/express/notes/1").status());
  }

  @Test
  @Order(10)
  void padCanBeSuccessfullyCreated() {
    var res = padAgent.postJsonFollowing("/express/pads/create", "{\"name\":\"New pad\"}");
    assertEquals(toHome(padAgent), res.redirects());
    assertTrue(res.body().contains("Pad is successfully created"));
  }

  @Test
  @Order(11)
  void padCanBeSuccessfullyEdited() {
    var res = padAgent.postJsonFollowing("/express/pads/1/edit", "{\"name\":\"New pad name\"}");
    assertEquals(toHome(padAgent), res.redirects());
    assertTrue(res.body().contains("Pad is successfully updated"));
  }

  @Test
  @Order(12)
  void padCanBeSuccessfullyDeleted() {
    var res = padAgent.follow(padAgent.post("/express/pads/2/delete"));
    assertEquals(toHome(padAgent), res.redirects());
    assertTrue(res.body().contains("Pad is successfully deleted"));
  }

  @Test
  @Order(13)
  void padCanBeSuccessfullyViewed() {
    var res = padAgent.get("/express/pads/1");
    assertEquals(200, res.status());
    assertTrue(res.body().contains("Pad settings"));
  }

  @Test
  @Order(14)
  void padCanNotBeCreatedIfRequiredFieldsAreMissing() {
    var res = padAgent.postJsonFollowing("/express/pads/create", "{\"name\":\"\"}");
    assertTrue(res.body().contains("Name is required"));
  }

  @Test
  @Order(15)
  void padCanNotBeEditedIfRequiredFieldsAreMissing() {
    var res = padAgent.postJsonFollowing("/express/pads/1/edit", "{\"name\":\"\"}");
    assertTrue(res.body().contains("Name is required"));
  }

  @Test
  @Order(16)
  void padCanNotBeEditedByNotAnOwner() {
    assertEquals(
        404, signedIn(USER2).postJson("/express/pads/1/edit", "{\"name\":\"new name\"}").status());
  }

  @Test
  @Order(17)
  void padCanNotBeDeletedByNotAnOwner() {
    assertEquals(404, signedIn(USER2).post("/express/pads/1/delete").status());
  }

  @Test
  @Order(18)
  void padCanNotBeViewedByNotAnOwner() {
    assertEquals(404, signedIn(USER2).get("/express/pads/1").status());
  }

  @Test
  @Order(19)
  void userCanSuccessfullySignIn() {
    Browser agent = browser();
    var res = agent.postJsonFollowing("/express/signin", credentials(USER1, "password"));
    assertEquals(toHome(agent), res.redirects());
  }

  @Test
  @Order(20)
  void userCanSuccessfullySignUp() {
    Browser agent = browser();
    var res =
        agent.postJsonFollowing(
            "/express/signup", credentials("usersadfasdf@example.com", "password"));
    assertEquals(List.of(agent.url("/express/signin")), res.redirects());
  }

  @Test
  @Order(21)
  void userCantSignInWithWrongCredentials() {
    var res =
        browser().postJsonFollowing("/express/signin", credentials("unknown@email.com", "unknown"));
    assertTrue(res.body().contains("Unknown user"));
  }

  @Test
  @Order(22)
  void userCantSignInIfRequiredFieldsAreMissing() {
    var res = browser().postJsonFollowing("/express/signin", credentials("", ""));
    assertTrue(res.body().contains("Email is required"));
    assertTrue(res.body().contains("Password is required"));
  }

  @Test
  @Order(23)
  void userCantSignUpIfEmailIsInvalid() {
    var res = browser().postJsonFollowing("/express/signup", credentials("invalid", "password"));
    assertTrue(res.body().contains("Invalid email"));
  }

  @Test
  @Order(24)
  void userCantSignUpIfRequiredFieldsAreMissing() {
    var res = browser().postJsonFollowing("/express/signup", credentials("", ""));
    assertTrue(res.body().contains("Invalid email"));
    assertTrue(res.body().contains("Password is required"));
  }

  @Test
  @Order(25)
  void userCantSignUpIfUserAlreadyExists() {
    var res = browser().postJsonFollowing("/express/signup", credentials(USER1, "password"));
    assertTrue(res.body().contains("User with given email already exists"));
  }
}
