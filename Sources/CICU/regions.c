// Region names from ICU's locale data: the implementation of cicu_regions.h.
#include "cicu_regions.h"

#include <stdio.h>
#include <unicode/uloc.h>

const char *onoma_iso_country(int32_t index) {
    const char *const *codes = uloc_getISOCountries();
    for (int32_t i = 0; codes[i] != NULL; i++)
        if (i == index) return codes[i];
    return NULL;
}

int32_t onoma_available_locale_count(void) { return uloc_countAvailable(); }

const char *onoma_available_locale(int32_t index) {
    return (index >= 0 && index < uloc_countAvailable()) ? uloc_getAvailable(index) : NULL;
}

int32_t onoma_region_display_name(const char *code, const char *display_locale, uint16_t *dest,
                                  int32_t capacity, int32_t *status) {
    char locale[32];
    snprintf(locale, sizeof locale, "und_%s", code);
    UErrorCode error = U_ZERO_ERROR;
    int32_t needed = uloc_getDisplayCountry(locale, display_locale, dest, capacity, &error);
    *status = error;
    return needed;
}

int32_t onoma_u_using_default_warning(void) { return U_USING_DEFAULT_WARNING; }
