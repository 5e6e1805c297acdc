namespace Jiebang.Platform.Organisations.Features.ListOrganisations;

internal static class Data
{
    public const string Columns = OrganisationStore.Columns;

    public const string From = "FROM platform_organisation";

    public const string Order = "ORDER BY credit_code, id";

    public static string Count(string where) => $"SELECT COUNT(*) {From} {where}";

    public static string Page(string where, string page) => $"SELECT {Columns} {From} {where} {Order} {page}";
}
