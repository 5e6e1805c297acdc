namespace Jiebang.Platform.Organisations.Features.GetOrganisation;

internal static class Data
{
    public const string SelectById = OrganisationStore.SelectById;
}
