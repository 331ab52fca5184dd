package org.originlive.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The publishers and their health in nginx-rtmp's status page (a shortened real one). */
class EngineStatTest {

    private static final String STAT =
            """
            <?xml version="1.0" encoding="utf-8" ?>
            <rtmp><nginx_version>1.22.1</nginx_version><server>
            <application><name>live</name><live>
            <stream><name>sale-1</name><time>5108</time><bw_in>1234567</bw_in>
            <client><id>7</id><address>127.0.0.1:1935/hls</address><flashver>ngx-local-relay</flashver><active/></client>
            <client><id>1</id><address>127.0.0.1</address><flashver>FMLE/3.0</flashver><publishing/><active/></client>
            <meta><video><width>640</width><height>360</height><frame_rate>25</frame_rate><codec>H264</codec>
            <profile>Baseline</profile></video><audio><codec>AAC</codec></audio></meta>
            <nclients>2</nclients><publishing/><active/></stream>
            <stream><name>waiting</name><bw_in>0</bw_in><client><id>9</id><active/></client></stream>
            </live></application>
            <application><name>hls</name><live>
            <stream><name>sale-1</name><bw_in>1</bw_in><client><id>4</id><publishing/><active/></client></stream>
            </live></application>
            </server></rtmp>
            """;

    @Test
    void readsTheIngestApplicationsPublishersAndTheirHealth() {
        List<EngineStat.Published> published = EngineStat.parse(STAT.trim().getBytes(StandardCharsets.UTF_8), "live");
        assertThat(published).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("sale-1");
            assertThat(p.clientId()).isEqualTo("1");
            assertThat(p.health()).isEqualTo(new MediaApi.Health("H264", 640, 360, 25.0, 1234));
        });
    }

    @Test
    void unknownValuesAreNull() {
        String bare = "<rtmp><server><application><name>live</name><live><stream><name>s</name><bw_in>0</bw_in>"
                + "<client><id>2</id><publishing/></client></stream></live></application></server></rtmp>";
        assertThat(EngineStat.parse(bare.getBytes(StandardCharsets.UTF_8), "live"))
                .singleElement()
                .satisfies(p -> assertThat(p.health()).isEqualTo(MediaApi.Health.UNKNOWN));
    }

    @Test
    void refusesDocumentTypes() {
        String evil = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rtmp>&x;</rtmp>";
        assertThatThrownBy(() -> EngineStat.parse(evil.getBytes(StandardCharsets.UTF_8), "live"))
                .isInstanceOf(IllegalStateException.class);
    }
}
