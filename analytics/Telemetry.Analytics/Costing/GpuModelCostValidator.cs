namespace Telemetry.Analytics.Costing;

/// <summary>Checks the GPU models' hourly costs for <see cref="CostOptionsValidator"/>, including entries an earlier one hides.</summary>
internal sealed class GpuModelCostValidator(CostOptionsValidator problems)
{
    public void Check(IList<GpuModelCostOptions> models)
    {
        for (var i = 0; i < models.Count; i++)
        {
            var path = $"gpu_models[{i}]";
            if (models[i] is not { } model)
            {
                problems.Add(path, $"is null; remove it or write {{ \"match\": \"H100\", \"price_per_gpu_hour\": 2.10 }}");
                continue;
            }

            CheckPrice(path + ".price_per_gpu_hour", model.PricePerGpuHour);
            if (string.IsNullOrWhiteSpace(model.Match))
            {
                problems.Add(path + ".match", $"is missing; write text the GPU's product name contains, for example \"H100\"");
            }
            else if (HiddenBy(models, i) is { } earlier)
            {
                problems.Add(path + ".match", $"'{model.Match}' is never used: gpu_models[{earlier}] ('{models[earlier].Match}') matches every such GPU first; put the more specific entry first");
            }
        }
    }

    private void CheckPrice(string path, double? price)
    {
        if (price is null)
        {
            problems.Add(path, $"is missing; set the model's cost of one GPU-hour (amortized capital and hosting) in the configuration's currency");
        }
        else if (!(price >= 0 && double.IsFinite(price.Value)))
        {
            problems.Add(path, $"{price} is not a price; set the cost of one GPU-hour, zero or more");
        }
    }

    private static int? HiddenBy(IList<GpuModelCostOptions> models, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (models[i]?.Match is { Length: > 0 } earlier && models[index].Match!.Contains(earlier, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return null;
    }
}
