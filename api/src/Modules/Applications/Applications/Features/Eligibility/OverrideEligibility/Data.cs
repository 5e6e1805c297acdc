namespace Jiebang.Applications.Features.Eligibility.OverrideEligibility;

internal static class Data
{
    public const string Override = """
        UPDATE applications_application
        SET status = @Outcome, eligibility = @Outcome, eligibility_override_reason = @Reason, version = version + 1
        WHERE id = @Id AND version = @Version
        """;
}
