package org.originlive.i18n;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Settings of translations and language choice. */
@ConfigMapping(prefix = "originlive.i18n")
public interface I18nConfig {

    /** The languages texts may be translated into and served in (BCP 47 tags, as spelled in responses). */
    @WithDefault("en,zh-CN,fr,rw,am")
    List<String> languages();
}
