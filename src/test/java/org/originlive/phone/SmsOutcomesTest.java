package org.originlive.phone;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.SocketException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

/** What each provider answer means for the SMS: sent, try again (nothing sent), refused, or unknown. */
class SmsOutcomesTest {

    private static AfricasTalking.Result answer(int status, String body) {
        return AfricasTalking.result(Response.status(status).entity(body).build());
    }

    private static String recipient(int code, String status) {
        return "{\"SMSMessageData\":{\"Message\":\"Sent to 1/1\",\"Recipients\":[{\"statusCode\":" + code
                + ",\"number\":\"+250788123456\",\"status\":\"" + status + "\",\"cost\":\"RWF 15.0000\","
                + "\"messageId\":\"ATXid_1\"}]}}";
    }

    @Test
    void recipientStatusesDecide() {
        assertThat(answer(201, recipient(101, "Success")).verdict()).isEqualTo(AfricasTalking.Verdict.SENT);
        assertThat(answer(201, recipient(101, "Success")).messageId()).isEqualTo("ATXid_1");
        assertThat(answer(201, recipient(101, "Success")).cost()).isEqualTo("RWF 15.0000");
        assertThat(answer(201, recipient(102, "Queued")).verdict()).isEqualTo(AfricasTalking.Verdict.SENT);
        assertThat(answer(201, recipient(405, "InsufficientBalance")).verdict())
                .isEqualTo(AfricasTalking.Verdict.NOT_SENT);
        assertThat(answer(201, recipient(502, "RejectedByGateway")).verdict())
                .isEqualTo(AfricasTalking.Verdict.NOT_SENT);
        assertThat(answer(201, recipient(403, "InvalidPhoneNumber")).verdict())
                .isEqualTo(AfricasTalking.Verdict.REFUSED);
        assertThat(answer(201, recipient(406, "UserInBlacklist")).verdict()).isEqualTo(AfricasTalking.Verdict.REFUSED);
    }

    @Test
    void httpStatusesDecide() {
        assertThat(answer(500, "oops").verdict()).isEqualTo(AfricasTalking.Verdict.NOT_SENT);
        assertThat(answer(401, "The supplied authentication is invalid").verdict())
                .isEqualTo(AfricasTalking.Verdict.NOT_SENT);
        assertThat(answer(429, "").verdict()).isEqualTo(AfricasTalking.Verdict.NOT_SENT);
        assertThat(answer(400, "Invalid").verdict()).isEqualTo(AfricasTalking.Verdict.REFUSED);
        assertThat(answer(201, "not json").verdict()).isEqualTo(AfricasTalking.Verdict.NOT_SENT);
    }

    @Test
    void onlyAFailedConnectionCountsAsUnsent() {
        assertThat(SmsSender.unsent(new ProcessingException(new ConnectException("Connection refused"))))
                .isTrue();
        assertThat(SmsSender.unsent(new ConnectException("Connection refused"))).isTrue();
        assertThat(SmsSender.unsent(new TimeoutException("timed out"))).isFalse();
        assertThat(SmsSender.unsent(new ProcessingException(new SocketException("Connection reset"))))
                .isFalse();
    }
}
