using System.Text.Json;
using Jiebang.Applications.Domain;
using Jiebang.Applications.Features.Shared;
using Jiebang.Platform.Errors;

namespace Jiebang.Applications.Features.SubmitApplication;

internal static class Data
{
    public const string InsertVersion = """
        INSERT INTO applications_submission (id, application_id, version_no, content, submitted_at, submitted_by)
        VALUES (@Id, @ApplicationId, @VersionNo, @Content, @Now, @SubmittedBy)
        """;

    public const string MarkSubmitted = """
        UPDATE applications_application
        SET status = 'Submitted', submitted_version = @VersionNo, submitted_at = @Now, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """;

    /// <summary>What a submitted version keeps: the content as written and the consortium as it stood.</summary>
    public static string Snapshot(ApplicationContent content, IReadOnlyList<MemberView> members) =>
        JsonSerializer.Serialize(new { content, members }, JsonDefaults.Options);
}
