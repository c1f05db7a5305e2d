package io.notejam.rollout;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Lets picocli report a malformed {@code --image} like any other bad option value. */
final class ImageOverrideConverter implements ITypeConverter<ImageOverride> {
  @Override
  public ImageOverride convert(String value) {
    try {
      return ImageOverride.parse(value);
    } catch (RolloutException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
