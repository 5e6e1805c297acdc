namespace Jiebang.Applications.Demo;

internal static class Data
{
    public const string AnyDemo = "SELECT COUNT(*) FROM applications_application WHERE is_demo = @IsDemo";

    public const string OrganisationByCode = "SELECT id FROM platform_organisation WHERE credit_code = @Code";
}
