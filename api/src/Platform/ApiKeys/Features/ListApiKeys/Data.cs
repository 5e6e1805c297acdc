using Jiebang.Platform.ApiKeys.Data;

namespace Jiebang.Platform.ApiKeys.Features.ListApiKeys;

internal static class Data
{
    public const string SelectAll = $"SELECT {ApiKeyStore.Columns} FROM platform_api_key ORDER BY created_at DESC, id";
}
