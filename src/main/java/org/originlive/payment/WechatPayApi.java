package org.originlive.payment;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * WeChat Pay API v3 as a REST client, built by {@link WechatPayClient} at the configured base URL.
 * {@code area} is {@code pay} on the mainland API and {@code global} on the cross-border one: both
 * place, query and close orders under {@code /v3/{area}/transactions}. Bodies are JSON text made by
 * {@link WechatPayRequests}: the signature covers the exact bytes sent ({@link WechatPaySigner}).
 */
@RegisterRestClient
@Path("/v3")
public interface WechatPayApi {

    /** Places an order; {@code kind} is native, h5 or jsapi (global: native, mweb or jsapi). */
    @POST
    @Path("/{area}/transactions/{kind}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> open(@PathParam("area") String area, @PathParam("kind") String kind, String body);

    @GET
    @Path("/{area}/transactions/out-trade-no/{outTradeNo}")
    Uni<Response> query(
            @PathParam("area") String area,
            @PathParam("outTradeNo") String outTradeNo,
            @QueryParam("mchid") String mchId);

    /** Answers 204 when closed. */
    @POST
    @Path("/{area}/transactions/out-trade-no/{outTradeNo}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> close(@PathParam("area") String area, @PathParam("outTradeNo") String outTradeNo, String body);

    @POST
    @Path("/refund/domestic/refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> refund(String body);

    @GET
    @Path("/refund/domestic/refunds/{outRefundNo}")
    Uni<Response> queryRefund(@PathParam("outRefundNo") String outRefundNo);

    @POST
    @Path("/global/refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> globalRefund(String body);

    @GET
    @Path("/global/refunds/out-refund-no/{outRefundNo}")
    Uni<Response> globalQueryRefund(@PathParam("outRefundNo") String outRefundNo, @QueryParam("mchid") String mchId);
}
