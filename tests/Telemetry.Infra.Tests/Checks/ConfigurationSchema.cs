using System.Collections;
using System.Globalization;
using System.Reflection;

namespace Telemetry.Infra.Tests.Checks;

/// <summary>
/// The configuration keys a host binds, found by walking its options types by reflection the way
/// Microsoft.Extensions.Configuration's binder does: public properties (settable, or complex and readable), list
/// items by index, dictionary entries by any key. Keys compare ignoring case, as configuration keys do.
/// </summary>
internal sealed class ConfigurationSchema
{
    private readonly Dictionary<string, Type> _roots = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _refused = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds a section bound to <paramref name="type"/>, or a single setting when the type is a value type.</summary>
    public ConfigurationSchema Bind(string path, Type type)
    {
        _roots[path] = type;
        return this;
    }

    /// <summary>Refuses a key that binds but has no effect, with the reason.</summary>
    public ConfigurationSchema Refuse(string path, string reason)
    {
        _refused[path] = reason;
        return this;
    }

    /// <summary>Why <paramref name="key"/> (colon-separated) binds nothing; null when it binds a setting.</summary>
    public string? Problem(string key)
    {
        if (_refused.FirstOrDefault(r => key.Equals(r.Key, StringComparison.OrdinalIgnoreCase) || key.StartsWith(r.Key + ":", StringComparison.OrdinalIgnoreCase)) is { Key: not null } refused)
        {
            return $"'{key}' is not read: {refused.Value}";
        }

        var root = _roots.Keys
            .Where(r => key.Equals(r, StringComparison.OrdinalIgnoreCase) || key.StartsWith(r + ":", StringComparison.OrdinalIgnoreCase))
            .MaxBy(r => r.Length);
        if (root is null)
        {
            return $"'{key}' is in no section this host reads ({string.Join(", ", _roots.Keys.Order(StringComparer.Ordinal))})";
        }

        var rest = key.Length == root.Length ? [] : key[(root.Length + 1)..].Split(':');
        return Walk(_roots[root], rest, root, key);
    }

    private static string? Walk(Type type, IReadOnlyList<string> rest, string at, string key)
    {
        if (rest.Count == 0)
        {
            return IsValue(type) ? null : $"'{key}' is a section ({Name(type)}), not a value";
        }

        if (IsValue(type))
        {
            return $"'{key}': '{at}' is a value ({Name(type)}) and has no '{rest[0]}'";
        }

        var next = $"{at}:{rest[0]}";
        if (DictionaryValue(type) is { } value)
        {
            return Walk(value, rest.Skip(1).ToList(), next, key);
        }

        if (ListItem(type) is { } item)
        {
            return int.TryParse(rest[0], NumberStyles.None, CultureInfo.InvariantCulture, out _)
                ? Walk(item, rest.Skip(1).ToList(), next, key)
                : $"'{key}': '{at}' is a list, indexed by number, not '{rest[0]}'";
        }

        var property = Bindable(type).FirstOrDefault(p => p.Name.Equals(rest[0], StringComparison.OrdinalIgnoreCase));
        return property is null
            ? $"'{key}': {Name(type)} has no setting '{rest[0]}' (it has {string.Join(", ", Bindable(type).Select(p => p.Name))})"
            : Walk(property.PropertyType, rest.Skip(1).ToList(), next, key);
    }

    private static IEnumerable<PropertyInfo> Bindable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && (p.SetMethod?.IsPublic == true || (p.GetMethod?.IsPublic == true && !IsValue(p.PropertyType))));

    private static bool IsValue(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan) || t == typeof(DateTime)
            || t == typeof(DateTimeOffset) || t == typeof(Uri) || t == typeof(Guid) || t == typeof(DateOnly) || t == typeof(TimeOnly);
    }

    private static Type? DictionaryValue(Type type) =>
        (Generic(type, typeof(IDictionary<,>)) ?? Generic(type, typeof(IReadOnlyDictionary<,>))) is { } d ? d.GetGenericArguments()[1] : null;

    private static Type? ListItem(Type type) =>
        type.IsArray ? type.GetElementType()
        : typeof(IEnumerable).IsAssignableFrom(type) && Generic(type, typeof(IEnumerable<>)) is { } e ? e.GetGenericArguments()[0]
        : null;

    private static Type? Generic(Type type, Type definition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition ? type
        : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);

    private static string Name(Type type) => (Nullable.GetUnderlyingType(type) ?? type).Name;
}
