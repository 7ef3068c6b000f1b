// The telemetry Functions app (functions/Telemetry.Functions) and what it needs: an Elastic Premium plan on Linux,
// a storage account (the host's storage, its content share, and the Azure Files share that holds the ledger),
// Application Insights, and a Key Vault whose secrets (the InfluxDB token, the webhook secrets) the app reads through
// Key Vault references with its system-assigned identity.
//
//   az deployment group create -g RESOURCE_GROUP -f infra/azure/main.bicep -p infra/azure/main.parameters.json
//
// See README.md beside this file for the steps before and after (secrets, the ledger, deploying the code).

@description('Name of the Functions app; the other resources are named after it.')
@minLength(2)
@maxLength(40)
param appName string

@description('Region of every resource.')
param location string = resourceGroup().location

@description('Elastic Premium size: EP1 (1 core, 3.5 GB), EP2 or EP3.')
@allowed(['EP1', 'EP2', 'EP3'])
param planSku string = 'EP1'

@description('Most instances the plan scales to. The alert timer keeps its state per instance and /api/alerts answers from the instance serving the request, so keep 1 where /api/alerts matters (functions/README.md).')
@minValue(1)
@maxValue(20)
param maximumInstances int = 1

@description('InfluxDB base URL the API queries (Influx__Url), e.g. https://influx.example.com:8086; empty to answer from the ledger instead.')
param influxUrl string = ''

@description('InfluxDB bucket, or database/retention-policy for 1.x (Influx__Bucket).')
param influxBucket string = 'telemetry'

@description('Name of the Key Vault secret that holds the InfluxDB token (Influx__Token); used when influxUrl is set.')
param influxTokenSecretName string = 'influx-token'

@description('Size of the Azure Files share that holds the ledger, in GiB.')
@minValue(100)
@maxValue(102400)
param ledgerShareQuotaGiB int = 1024

@description('Run the alert rules on the ledger every minute and deliver webhooks from this app. Alert in one place only: with this on, configure no webhooks on the aggregator.')
param alertingEnabled bool = true

@description('Webhook receivers: name, https url, and the name of the Key Vault secret holding its whsec_ signing secret.')
param webhooks { name: string, url: string, secretName: string }[] = []

@description('Scope every API request to the caller\'s teams (Api__Scoping__Enabled); turn on App Service authentication with it.')
param apiScopingEnabled bool = false

@description('Object id of a user or group allowed to set the vault\'s secrets (Key Vault Secrets Officer); empty for none.')
param vaultAdminPrincipalId string = ''

var suffix = uniqueString(resourceGroup().id, appName)
var ledgerMountPath = '/mounts/ledger'
var roles = {
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take('st${suffix}', 24)
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
  }
}

resource files 'Microsoft.Storage/storageAccounts/fileServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// The aggregator writes the ledger here (mounted on its host, or copied there); the app reads it at ledgerMountPath.
resource ledgerShare 'Microsoft.Storage/storageAccounts/fileServices/shares@2023-05-01' = {
  parent: files
  name: 'ledger'
  properties: {
    shareQuota: ledgerShareQuotaGiB
  }
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${appName}'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${appName}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('kv-${suffix}', 24)
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${appName}'
  location: location
  kind: 'elastic'
  sku: { name: planSku, tier: 'ElasticPremium' }
  properties: {
    reserved: true
    maximumElasticWorkerCount: maximumInstances
  }
}

// Key Vault references name a secret without a version: the app reads its latest version (refreshed within a day).
var secrets = '${vault.properties.vaultUri}secrets'

var hostSettings = [
  { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
  { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'dotnet-isolated' }
  { name: 'AzureWebJobsStorage__accountName', value: storage.name }
  { name: 'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING', value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};EndpointSuffix=${environment().suffixes.storage};AccountKey=${storage.listKeys().keys[0].value}' }
  { name: 'WEBSITE_CONTENTSHARE', value: toLower(appName) }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
]

var appSettings = concat(
  [
    { name: 'Ledger__Directory', value: ledgerMountPath }
    { name: 'Api__Scoping__Enabled', value: string(apiScopingEnabled) }
  ],
  empty(influxUrl) ? [] : [
    { name: 'Influx__Url', value: influxUrl }
    { name: 'Influx__Bucket', value: influxBucket }
    { name: 'Influx__Token', value: '@Microsoft.KeyVault(SecretUri=${secrets}/${influxTokenSecretName}/)' }
  ],
  // The outbox is on the share beside the ledger, so pending deliveries survive a new instance; not in the ledger's
  // own webhook-outbox, which is the aggregator's.
  alertingEnabled ? [
    { name: 'Alerting__Delivery__Directory', value: '${ledgerMountPath}/functions-webhook-outbox' }
  ] : [],
  alertingEnabled ? flatten(map(range(0, length(webhooks)), i => [
    { name: 'Alerting__Webhooks__${i}__Name', value: webhooks[i].name }
    { name: 'Alerting__Webhooks__${i}__Url', value: webhooks[i].url }
    { name: 'Alerting__Webhooks__${i}__Secret', value: '@Microsoft.KeyVault(SecretUri=${secrets}/${webhooks[i].secretName}/)' }
  ])) : []
)

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'DOTNET-ISOLATED|10.0'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      minimumElasticInstanceCount: 1
      functionAppScaleLimit: maximumInstances
      appSettings: concat(hostSettings, appSettings)
      azureStorageAccounts: {
        ledger: {
          type: 'AzureFiles'
          accountName: storage.name
          shareName: ledgerShare.name
          mountPath: ledgerMountPath
          accessKey: storage.listKeys().keys[0].value
        }
      }
    }
  }
}

resource vaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, app.id, roles.keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource hostStorageOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, app.id, roles.storageBlobDataOwner)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource vaultSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(vaultAdminPrincipalId)) {
  scope: vault
  name: guid(vault.id, vaultAdminPrincipalId, roles.keyVaultSecretsOfficer)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsOfficer)
    principalId: vaultAdminPrincipalId
  }
}

@description('The app\'s base URL; the API is under /api.')
output appUrl string = 'https://${app.properties.defaultHostName}'

@description('Where to put the secrets: az keyvault secret set --vault-name VAULT --name influx-token --value ...')
output keyVaultName string = vault.name

@description('The storage account whose share "ledger" the aggregator writes.')
output storageAccountName string = storage.name
