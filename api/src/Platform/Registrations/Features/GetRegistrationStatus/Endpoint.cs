using Dapper;
using FastEndpoints;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Registrations.Data;
using Jiebang.Platform.Registrations.Domain;

namespace Jiebang.Platform.Registrations.Features.GetRegistrationStatus;

internal sealed class Endpoint(DbConnectionFactory db) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("/api/v1/registrations/status");
        AllowAnonymous();
        Description(b => b.Api("Registrations_GetStatus", "Platform", "查询注册进度 / Read a registration's status",
                "Anonymous, with the status token given at registration in the X-Registration-Token header. A token that matches no " +
                "registration (or none sent) answers 404, the same as for a registration that never existed.")
            .RequestHeader(StatusTokens.HeaderName, required: true,
                "注册时返回的查询凭证 / The status token returned when the registration was submitted.")
            .Ok<Response>().Problems(404), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var token = HttpContext.Request.Headers[StatusTokens.HeaderName].ToString().Trim();
        RegistrationStore.Row? row = null;
        if (token.Length is > 0 and <= 200)
        {
            await using var connection = await db.OpenAsync(ct);
            row = await connection.QuerySingleOrDefaultAsync<RegistrationStore.Row>(RegistrationStore.SelectByTokenHash,
                new { Hash = StatusTokens.Hash(token) });
        }
        if (row is null)
        {
            await Send.ResultAsync(Problems.NotFound("registration"));
            return;
        }
        HttpContext.Response.Headers.CacheControl = "private, no-store";
        await Send.OkAsync(new Response
        {
            Reference = row.Id, Name = row.Name, CreditCode = row.CreditCode, Status = row.Status,
            RejectionReason = row.Status == RegistrationStatus.Rejected ? row.RejectionReason : null,
            SubmittedAt = row.SubmittedAt, ReviewedAt = row.ReviewedAt,
        }, ct);
    }
}
