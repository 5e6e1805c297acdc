using Dapper;
using FastEndpoints;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Files;
using Jiebang.Platform.Http;
using Jiebang.Platform.Registrations.Data;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Platform.Registrations.Features.DownloadLicence;

internal sealed class Endpoint(DbConnectionFactory db) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/api/v1/registrations/{id:guid}/licence");
        Roles(Auth.Roles.TaskForce, Auth.Roles.Auditor);
        Description(b => b.Api("Registrations_DownloadLicence", "Platform", "下载注册单位的营业执照或法人证书 / Download a registration's licence",
                "The file with its detected content type (PDF, PNG or JPEG) and a Content-Disposition file name.")
            .Produces<Stream>(StatusCodes.Status200OK, AttachmentTypes.Pdf.ContentType, AttachmentTypes.Png.ContentType, AttachmentTypes.Jpeg.ContentType)
            .Problems(401, 403, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var licence = await connection.QuerySingleOrDefaultAsync<RegistrationStore.Licence>(RegistrationStore.SelectLicence, new { Id = Route<Guid>("id") });
        if (licence is null)
        {
            await Send.ResultAsync(Problems.NotFound("registration"));
            return;
        }
        HttpContext.Response.Headers.CacheControl = "private, no-store";
        HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
        await Send.ResultAsync(TypedResults.File(licence.Content, licence.ContentType, licence.FileName, lastModified: licence.SubmittedAt));
    }
}
