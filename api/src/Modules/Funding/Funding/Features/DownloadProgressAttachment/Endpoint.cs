using Dapper;
using FastEndpoints;
using Jiebang.Funding.Features.Shared;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Files;
using Jiebang.Platform.Http;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Funding.Features.DownloadProgressAttachment;

internal sealed class Endpoint(DbConnectionFactory db) : EndpointWithoutRequest
{
    private const string Select = """
        SELECT t.file_name AS FileName, t.content_type AS ContentType, t.content AS Content, t.uploaded_at AS UploadedAt, r.agreement_id AS AgreementId
        FROM funding_progress_attachment t JOIN funding_progress_report r ON r.id = t.report_id
        WHERE t.id = @AttachmentId AND t.report_id = @ReportId
        """;

    private const string IsParty = "SELECT COUNT(*) FROM funding_party WHERE agreement_id = @AgreementId AND organisation_id = @OrganisationId";

    private sealed class Row
    {
        public string FileName { get; set; } = "";
        public string ContentType { get; set; } = "";
        public byte[] Content { get; set; } = [];
        public DateTimeOffset UploadedAt { get; set; }
        public Guid AgreementId { get; set; }
    }

    public override void Configure()
    {
        Get("/api/v1/progress-reports/{id:guid}/attachments/{attachmentId:guid}");
        Roles(Platform.Auth.Roles.TaskForce, Platform.Auth.Roles.Auditor, Platform.Auth.Roles.Issuer, Platform.Auth.Roles.Applicant);
        Description(b => b.Api("ProgressReports_DownloadAttachment", "Funding", "下载进展报告附件 / Download a progress report's attachment",
                "The task force, auditors and users of the agreement's parties (issuer, lead, members); everyone else gets 404.")
            .Produces<Stream>(StatusCodes.Status200OK, AttachmentTypes.All.Select(t => t.ContentType).First(),
                [.. AttachmentTypes.All.Skip(1).Select(t => t.ContentType)])
            .Problems(401, 403, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var caller = User.Caller();
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(Select, new { ReportId = Route<Guid>("id"), AttachmentId = Route<Guid>("attachmentId") });
        if (row is null || !(caller.ReadsEverything || (caller.OrganisationId is { } org
                && await connection.ExecuteScalarAsync<long>(IsParty, new { row.AgreementId, OrganisationId = org }) > 0)))
        {
            await Send.ResultAsync(Problems.NotFound("attachment"));
            return;
        }
        await Send.ResultAsync(TypedResults.File(row.Content, row.ContentType, row.FileName, lastModified: row.UploadedAt));
    }
}
