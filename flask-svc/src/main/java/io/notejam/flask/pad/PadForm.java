package io.notejam.flask.pad;

import io.notejam.flask.web.Field;
import io.notejam.flask.web.FormData;

/** The pad form (spec 5.1, 5.3): a required name, stored as typed. */
public final class PadForm {
  private final Field name;

  private PadForm(String name) {
    this.name = new Field("name", name);
  }

  public static PadForm empty() {
    return new PadForm("");
  }

  public static PadForm of(Pad pad) {
    return new PadForm(pad.name());
  }

  /** An entirely empty body keeps the starting value, as WTForms does (spec 5.3). */
  public PadForm post(FormData data) {
    if (!data.isEmpty()) {
      name.setValue(data.value("name"));
    }
    return this;
  }

  public boolean validate() {
    return name.required();
  }

  public Field getName() {
    return name;
  }
}
