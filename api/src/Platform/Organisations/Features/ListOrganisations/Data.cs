namespace Jiebang.Platform.Organisations.Features.ListOrganisations;

internal static class Data
{
    public const string Columns = OrganisationStore.Columns;

    public const string From = "FROM platform_organisation";

    public const string Order = "ORDER BY credit_code, id";
}
