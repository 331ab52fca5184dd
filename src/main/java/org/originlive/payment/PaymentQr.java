package org.originlive.payment;

import io.nayuki.qrcodegen.QrCode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.originlive.common.Caller;
import org.originlive.common.ProblemException;

/**
 * A PENDING QR payment's code as an SVG image, drawn here so that the pages load no QR script and
 * the provider's {@code code_url} is never sent to a third party to be drawn.
 */
@ApplicationScoped
public class PaymentQr {

    /** The quiet zone the QR standard asks for, in modules. */
    private static final int BORDER = 4;

    private final PaymentRepository payments;

    PaymentQr(PaymentRepository payments) {
        this.payments = payments;
    }

    /** The buyer's own PENDING payment of that order with a code to scan; 404 for anything else. */
    public Uni<String> svg(Caller buyer, UUID orderId, UUID paymentId) {
        return payments.byId(paymentId)
                .map(found -> found.filter(p -> p.orderId().equals(orderId))
                        .filter(p -> p.buyerId().equals(buyer.id()))
                        .filter(p -> p.status() == PaymentStatus.PENDING)
                        .map(StoredPayment::action)
                        .map(PaymentGateway.Action::codeUrl)
                        .orElseThrow(() -> ProblemException.notFound("QR code of payment", paymentId)))
                .map(PaymentQr::draw);
    }

    /** The text as a QR code (medium error correction): one path of unit squares, black on white. */
    static String draw(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int side = qr.size + 2 * BORDER;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M')
                            .append(x + BORDER)
                            .append(',')
                            .append(y + BORDER)
                            .append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 " + side + " " + side
                + "\" width=\"" + side * 8 + "\" height=\"" + side * 8 + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>"
                + "<path d=\"" + path + "\" fill=\"#000000\"/></svg>\n";
    }
}
