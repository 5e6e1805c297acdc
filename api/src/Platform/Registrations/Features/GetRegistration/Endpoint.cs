using FastEndpoints;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Registrations.Views;

namespace Jiebang.Platform.Registrations.Features.GetRegistration;

internal sealed class Endpoint(DbConnectionFactory db) : EndpointWithoutRequest<RegistrationDetail>
{
    public override void Configure()
    {
        Get("/api/v1/registrations/{id:guid}");
        Roles(Auth.Roles.TaskForce, Auth.Roles.Auditor);
        Description(b => b.Api("Registrations_Get", "Platform", "注册详情 / Get a unit's registration",
                "With the registry's record of the same credit code (approval links it) and whether the administrator's user name " +
                "is already taken (approval would be refused).")
            .Ok<RegistrationDetail>().ETag().Problems(401, 403, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var detail = await RegistrationReads.DetailAsync(connection, null, Route<Guid>("id"));
        if (detail is null)
        {
            await Send.ResultAsync(Problems.NotFound("registration"));
            return;
        }
        HttpContext.Response.Headers.ETag = Versioning.ETag(detail.Version);
        await Send.OkAsync(detail, ct);
    }
}
