package dev.spirit.examples.boot.kiosk;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JSON body of a kiosk's submission. Every field is optional here; what is missing or wrong is
 * answered with 400 listing each field's problem.
 *
 * @param text the words (required)
 * @param kind {@code keyword} (default), {@code slogan}, {@code message}, {@code poem}
 * @param district the district's code (required)
 * @param channel how it was collected; {@code online} (default) for a kiosk
 * @param participant the kiosk's pseudonymous id of the person (required)
 * @param role {@code resident}, {@code visitor}, {@code expert}, {@code student}, {@code other}
 *     (default)
 * @param consent whether the person agreed to the processing of their words (default false)
 * @param consentVersion the consent text version the kiosk presented; must be the campaign's
 * @param purposes what the person agreed to: {@code publish}, {@code statistics}, {@code contact}
 *     (default all three)
 * @param language an ISO 639 code such as {@code zh}; detected when absent
 * @param collectionPoint where the kiosk stands; the kiosk's name when absent
 */
public record KioskSubmission(
    @Nullable String text,
    @Nullable String kind,
    @Nullable String district,
    @Nullable String channel,
    @Nullable String participant,
    @Nullable String role,
    @Nullable Boolean consent,
    @Nullable String consentVersion,
    @Nullable List<String> purposes,
    @Nullable String language,
    @Nullable String collectionPoint) {}
