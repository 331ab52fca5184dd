package org.originlive.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.originlive.payment.PaymentGateway.Trade;
import org.originlive.support.WechatPaySimulator;

/** Trades, numbers and waits shared by the WeChat Pay tests. */
final class WechatPayTrades {

    static final String NOTIFY_URL = "https://api.test.originlive.org/api/payments/callbacks/wechat-pay";
    static final Instant EXPIRES = Instant.parse("2030-01-02T03:04:05.678Z");

    private WechatPayTrades() {}

    /** A 1999-fen trade expiring at {@link #EXPIRES}, with an openid for JSAPI and an IP for H5. */
    static Trade trade(String no, Channel channel) {
        return new Trade(
                no,
                channel,
                1999,
                "CNY",
                "Origin Live 直播订单",
                EXPIRES,
                NOTIFY_URL,
                channel == Channel.JSAPI ? "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" : null,
                channel == Channel.H5 ? "203.0.113.7" : null);
    }

    static Trade withNotifyUrl(Trade t, String url) {
        return new Trade(
                t.outTradeNo(),
                t.channel(),
                t.amountMinor(),
                t.currency(),
                t.description(),
                t.expiresAt(),
                url,
                t.payerOpenId(),
                t.clientIp());
    }

    static Trade withDescription(Trade t, String description) {
        return new Trade(
                t.outTradeNo(),
                t.channel(),
                t.amountMinor(),
                t.currency(),
                description,
                t.expiresAt(),
                t.notifyUrl(),
                t.payerOpenId(),
                t.clientIp());
    }

    static String outTradeNo() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(15));
    }

    static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last request the simulator received at that path. */
    static LoggedRequest last(String path) {
        List<LoggedRequest> received = WechatPaySimulator.shared().received(path);
        assertThat(received).as(path).isNotEmpty();
        return received.get(received.size() - 1);
    }
}
