using Jiebang.Platform.Auth;

namespace Jiebang.Platform.Organisations;

internal static class OrganisationAccess
{
    public const string Module = "Platform";
    public const string Entity = "Organisation";
    public const string RegisteredByUser = "User";
    public const string RegisteredByDistrictKey = "DistrictKey";

    /// <summary>Every signed-in person may look an organisation up; a district key only those registered in its district.</summary>
    public static bool IsVisibleTo(this OrganisationStore.Row row, Caller caller) =>
        caller.IsDistrict ? caller.CoversRegion(row.RegionCode) : !caller.IsAnonymous;
}
