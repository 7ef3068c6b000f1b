namespace Telemetry.Analytics.Costing;

/// <summary>Time zones by IANA id, from the system's time zone database.</summary>
public static class TimeZones
{
    /// <summary>The zone of an IANA id such as <c>Europe/Paris</c>; false (and UTC) when the id is empty or unknown.</summary>
    public static bool TryFind(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception error) when (error is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }
}
