package org.originlive.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageChooserTest {

    private final LanguageChooser chooser = new LanguageChooser(List.of("en", "zh-CN", "fr", "rw", "am"));

    private Optional<String> header(String acceptLanguage) {
        return chooser.choose(null, acceptLanguage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh", "zh-Hans", "zh-Hans-CN", "zh-CN", "ZH-cn", "zh-SG", "zh-Hans-SG"})
    void simplifiedChineseInAnySpellingIsZhCn(String tag) {
        assertThat(header(tag)).contains("zh-CN");
        assertThat(chooser.choose(tag, null)).contains("zh-CN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-Hant", "zh-TW", "zh-HK", "zh-Hant-TW", "zh-MO"})
    void traditionalChineseAloneIsNotServedSimplified(String tag) {
        assertThat(header(tag)).isEmpty();
    }

    @Test
    void traditionalFirstThenPlainChineseFallsToZhCn() {
        assertThat(header("zh-TW,zh;q=0.9,en-US;q=0.8,en;q=0.7")).contains("zh-CN");
    }

    @ParameterizedTest
    @CsvSource({"fr-FR,fr", "fr-CA,fr", "en-US,en", "en-GB,en", "rw-RW,rw", "am-ET,am", "FR,fr"})
    void regionalTagsFallBackToTheirLanguage(String tag, String expected) {
        assertThat(header(tag)).contains(expected);
    }

    @Test
    void highestWeightWinsAndTiesKeepTheClientsOrder() {
        assertThat(header("fr;q=0.5, zh-CN;q=0.9, en;q=0.1")).contains("zh-CN");
        assertThat(header("fr;q=0.8, zh-CN;q=0.8")).contains("fr");
        assertThat(header("zh-CN;q=0.8, fr;q=0.8")).contains("zh-CN");
        assertThat(header("de, fr;q=0.3")).contains("fr");
        assertThat(header("fr;q=0.001, zh;q=0.002")).contains("zh-CN");
    }

    @Test
    void unsupportedLanguagesAreSkipped() {
        assertThat(header("de-DE, ja;q=0.9, fr;q=0.1")).contains("fr");
        assertThat(header("de-DE, ja;q=0.9")).isEmpty();
    }

    @Test
    void weightZeroExcludes() {
        assertThat(header("zh-CN;q=0, fr;q=0.5")).contains("fr");
        assertThat(header("zh-CN;q=0")).isEmpty();
        // zh maps to zh-CN, which the more specific zero excludes
        assertThat(header("zh-CN;q=0, zh")).isEmpty();
        // ... but a more specific wanted range beats a less specific zero
        assertThat(header("zh;q=0, zh-CN")).contains("zh-CN");
        assertThat(header("fr;q=0.0, fr-FR;q=0.000")).isEmpty();
    }

    @Test
    void starMeansTheSourceText() {
        assertThat(header("*")).isEmpty();
        assertThat(header("*, zh-CN;q=0.5")).isEmpty();
        assertThat(header("zh-CN, *;q=0.5")).contains("zh-CN");
        assertThat(header("zh-CN, *")).contains("zh-CN");
        assertThat(header("*;q=0")).isEmpty();
        assertThat(header("fr, *;q=0")).contains("fr");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "zh-CN;q=2",
                "zh-CN;q=1.5",
                "zh-CN;q=0.1234",
                "zh-CN;q=-1",
                "zh-CN;q=",
                "zh-CN;q",
                "zh-CN;level=1",
                "zh-CN;q=0.5;q=0.4",
                "zh_CN",
                "toolonglanguage",
                "zh-CN, fr;q=abc",
                "zh-CN fr",
                "\"zh\"",
                "中文",
                "zh--CN",
                "-zh",
                "zh-",
                "zh-CN;q=NaN",
                "zh-CN;q=1e-1",
                "zh-CN;q=.5",
                "zh-CN;q=0x1",
                "zh-CN;q=+0.5",
                "zh-CN;q = 0.5",
                "en-*",
                "*-CN",
                "zh-CN\tfr",
                "fr;q=0.5, zh-CN fr;q=0.9"
            })
    void malformedHeadersCountAsAbsent(String value) {
        assertThat(header(value)).isEmpty();
    }

    @Test
    void weightSyntaxFollowsRfc9110() {
        assertThat(header("fr;q=1.000, zh-CN;q=0.999")).contains("fr");
        assertThat(header("fr ; q=0.5 , zh-CN ;q=0.7")).contains("zh-CN");
        assertThat(header("fr;Q=0.5, zh-CN;q=0.4")).contains("fr");
        assertThat(header("fr;q=1.")).contains("fr");
        assertThat(header(" , fr;q=0.5,, ")).contains("fr");
    }

    @Test
    void weightsOrderTheRangesWhateverTheirSpelling() {
        assertThat(header("fr;q=0.5, zh-CN;q=0.50")).contains("fr");
        assertThat(header("zh-CN;q=0.500, fr;q=0.5")).contains("zh-CN");
        assertThat(header("fr;q=0.1, zh-CN;q=0.11")).contains("zh-CN");
        assertThat(header("de;q=1, fr;q=0.001")).contains("fr");
        assertThat(header("fr;q=0, zh-CN;q=0.000")).isEmpty();
        assertThat(header("rw;q=0.9,\tam;q=1")).contains("am");
    }

    @Test
    void aMalformedElementSpoilsTheWholeHeader() {
        assertThat(header("fr, zh-CN;q=2")).isEmpty();
        assertThat(header("fr, zh_CN")).isEmpty();
        assertThat(header("fr, en-*")).isEmpty();
    }

    @Test
    void moreThanSixtyFourRangesAreIgnored() {
        String sixtyFour = String.join(",", java.util.Collections.nCopies(63, "de")) + ",fr";
        assertThat(header(sixtyFour)).contains("fr");
        assertThat(header(sixtyFour + ",fr")).isEmpty();
    }

    @Test
    void absentOrBlankHeaderIsTheSource() {
        assertThat(header(null)).isEmpty();
        assertThat(header("")).isEmpty();
        assertThat(header("   ")).isEmpty();
        assertThat(header(",,")).isEmpty();
    }

    @Test
    void langParameterComesFirstAndAnUnsupportedOneMeansTheSource() {
        assertThat(chooser.choose("fr", "zh-CN")).contains("fr");
        assertThat(chooser.choose("de", "zh-CN")).isEmpty();
        assertThat(chooser.choose("not a tag!", "zh-CN")).isEmpty();
        assertThat(chooser.choose("*", "zh-CN")).isEmpty();
        assertThat(chooser.choose("", "zh-CN")).contains("zh-CN");
    }

    @Test
    void writesNeedASupportedTagExactlyInAnyCase() {
        assertThat(chooser.exact("zh-cn")).contains("zh-CN");
        assertThat(chooser.exact("FR")).contains("fr");
        assertThat(chooser.exact("zh")).isEmpty();
        assertThat(chooser.exact("fr-FR")).isEmpty();
        assertThat(chooser.exact("de")).isEmpty();
    }

    @Test
    void aConfiguredSetIsHonoured() {
        LanguageChooser narrow = new LanguageChooser(List.of("en", "fr"));
        assertThat(narrow.choose(null, "zh-CN, fr;q=0.2")).contains("fr");
        assertThat(narrow.choose("zh-CN", null)).isEmpty();
    }
}
