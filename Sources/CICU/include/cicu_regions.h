// CICU: region (country and territory) names from ICU's locale data. Included by CICU.h.
#ifndef CICU_REGIONS_H
#define CICU_REGIONS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The `index`th ISO 3166-1 alpha-2 code ICU knows (uloc_getISOCountries), or NULL past the end.
const char *onoma_iso_country(int32_t index);
/// How many locales ICU has data for (uloc_countAvailable).
int32_t onoma_available_locale_count(void);
/// The `index`th available locale id, e.g. "en_GB" (uloc_getAvailable), or NULL.
const char *onoma_available_locale(int32_t index);
/// The name of region `code` ("UA") in `display_locale` (uloc_getDisplayCountry of "und_UA");
/// returns the length needed. The status is U_USING_DEFAULT_WARNING when ICU had no name in that
/// locale and fell back to the root locale.
int32_t onoma_region_display_name(const char *code, const char *display_locale, uint16_t *dest,
                                  int32_t capacity, int32_t *status);
/// The status value of U_USING_DEFAULT_WARNING.
int32_t onoma_u_using_default_warning(void);

#ifdef __cplusplus
}
#endif

#endif
