package org.originlive.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtKeysTest {

    /** RFC 7638, section 3.1: the example RSA key and its SHA-256 thumbprint. */
    @Test
    void theKeyIdIsTheRfc7638Thumbprint() throws Exception {
        String n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRX"
                + "jBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSq"
                + "zs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHa"
                + "Q-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(
                        new BigInteger(1, Base64.getUrlDecoder().decode(n)), BigInteger.valueOf(65537)));

        assertThat(JwtKeys.thumbprint(key)).isEqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    }

    @Test
    void settingsAreNamedAsOperatorsSetThem() {
        assertThat(JwtKeys.env(JwtKeys.SIGN_KEY_LOCATION)).isEqualTo("SMALLRYE_JWT_SIGN_KEY_LOCATION");
        assertThat(JwtKeys.env(JwtKeys.VERIFY_KEY_LOCATION)).isEqualTo("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        assertThat(JwtKeys.env(JwtKeys.OPERATOR_OPT_IN)).isEqualTo("ORIGINLIVE_JWT_EPHEMERAL_KEYS");
    }
}
