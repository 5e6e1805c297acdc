namespace Jiebang.Platform.Organisations.Features.RegisterOrganisation;

internal static class Data
{
    public const string SelectByCode = OrganisationStore.SelectByCode;
}
