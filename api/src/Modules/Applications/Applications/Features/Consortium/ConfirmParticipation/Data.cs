namespace Jiebang.Applications.Features.Consortium.ConfirmParticipation;

internal static class Data
{
    /// <summary>Touches the application first, so a racing submission or edit sees a new version.</summary>
    public const string Touch = "UPDATE applications_application SET updated_at = @Now, version = version + 1 WHERE id = @Id AND version = @Version";

    public const string Insert = """
        INSERT INTO applications_confirmation (application_id, organisation_id, role, budget_share_bp, confirmed_at, confirmed_by,
            confirmed_by_district)
        VALUES (@Id, @OrganisationId, @Role, @BudgetShareBp, @Now, @ConfirmedBy, @ConfirmedByDistrict)
        """;
}
