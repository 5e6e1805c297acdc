namespace Jiebang.Host.OpenApi;

/// <summary>Schema names that stay unique across slices whose DTOs are all called Request and Response.</summary>
internal static class SchemaIds
{
    private static readonly HashSet<string> Generic = ["Request", "Response", "Row"];

    public static string For(Type type)
    {
        if (type.IsGenericType)
        {
            var name = type.Name[..type.Name.IndexOf('`')];
            return name + string.Concat(type.GetGenericArguments().Select(a => "Of" + For(a)));
        }
        if (type.IsArray)
        {
            return For(type.GetElementType()!) + "Array";
        }
        if (Generic.Contains(type.Name) && type.Namespace is { } ns)
        {
            // Jiebang.Challenges.Features.CreateChallenge.Request -> CreateChallengeRequest
            return ns[(ns.LastIndexOf('.') + 1)..] + type.Name;
        }
        return type.Name;
    }
}
