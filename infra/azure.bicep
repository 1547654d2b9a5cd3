// Netværk in Azure: one Linux App Service running the Node service (bot + tab API + tab pages),
// a user-assigned managed identity that is both the bot's identity and the service's way into the
// Storage account's tables (no keys anywhere), and the Azure Bot with the Teams channel.
// Deployed by the Agents Toolkit's arm/deploy action (m365agents.yml) with azure.parameters.json;
// the outputs at the end are written to env/.env.<environment>. See infra/README.md.

@minLength(4)
@maxLength(20)
@description('Start of every resource name: "netvaerk" + RESOURCE_SUFFIX. Letters and digits.')
param resourceBaseName string

@description('App Service plan SKU. B1 or larger for production (Always On keeps the scheduler running); F1 only for a short trial.')
param webAppSku string = 'B1'

@description('Storage redundancy. Standard_ZRS or Standard_GRS for more durable data where the region offers it.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
param storageSku string = 'Standard_LRS'

@maxLength(42)
@description('Name of the Azure Bot as shown in Azure (Teams shows the name from the app manifest).')
param botDisplayName string

@description('Client id of the Entra ID app for Teams SSO and calendar booking (written by aadApp/create).')
param aadAppClientId string

@description('Tenant id of that Entra ID app (written by aadApp/create).')
param aadAppTenantId string

@secure()
@description('Client secret of that Entra ID app (SECRET_AAD_APP_CLIENT_SECRET): on-behalf-of calls to Microsoft Graph.')
param aadAppClientSecret string

@description('The id Teams knows the app by (TEAMS_APP_ID, written by teamsApp/create): deep links from cards and calendar events to the channel tab. For an app published to the org catalogue, its catalogue id. Empty: no Teams deep links.')
param teamsAppId string = ''

@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
  'silent'
])
param logLevel string = 'info'

@minValue(1)
@maxValue(120)
@description('Months a network is kept after its delivery, unless the network sets its own period.')
param retentionMonths int = 12

param location string = resourceGroup().location

// Stable per resource group, so repeated deployments update the same resources and names stay
// globally unique (web app host name, storage account) even with an empty RESOURCE_SUFFIX.
var uniqueSuffix = take(uniqueString(resourceGroup().id), 6)
var baseName = toLower('${resourceBaseName}-${uniqueSuffix}')
var storageAccountName = take(replace('st${baseName}', '-', ''), 24)
var alwaysOnSupported = !contains(['F1', 'FREE', 'D1', 'SHARED'], toUpper(webAppSku))

// Built-in role "Storage Table Data Contributor": read, write and delete table entities.
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

// The service's identity: the bot's Microsoft App ID (UserAssignedMSI) and the storage credential.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${baseName}'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // Entra ID (the managed identity) only: no account keys, no SAS tokens.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    accessTier: 'Hot'
  }
}

resource tableDataAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'asp-${baseName}'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-${baseName}'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node --disable-warning=DEP0111 dist/bot/index.js'
      alwaysOn: alwaysOnSupported
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
  }
}

// The settings the service reads (bot/config/config.ts), set once the web app and its host name exist.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    PUBLIC_URL: 'https://${webApp.properties.defaultHostName}'
    TEAMS_APP_ID: teamsAppId
    BOT_ID: identity.properties.clientId
    BOT_TYPE: 'UserAssignedMSI'
    BOT_TENANT_ID: subscription().tenantId
    AZURE_CLIENT_ID: identity.properties.clientId
    STORAGE_TABLE_ENDPOINT: storage.properties.primaryEndpoints.table
    AAD_APP_CLIENT_ID: aadAppClientId
    AAD_APP_TENANT_ID: aadAppTenantId
    AAD_APP_ID_URI: 'api://${webApp.properties.defaultHostName}/${aadAppClientId}'
    AAD_APP_CLIENT_SECRET: aadAppClientSecret
    LOG_LEVEL: logLevel
    SCHEDULER: 'on'
    RETENTION_MONTHS: string(retentionMonths)
    // Platform: run the deployed zip as a read-only package (atomic deploys), and do not build on
    // the server (the artifact already holds the built code and the production node_modules).
    WEBSITE_RUN_FROM_PACKAGE: '1'
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  }
  dependsOn: [
    tableDataAccess
  ]
}

// Registers the web app's /api/messages as a bot whose identity is the managed identity.
resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'bot-${baseName}'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0' // Teams is a standard channel: free
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
    publicNetworkAccess: 'Enabled'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// Written to env/.env.<environment> by the Toolkit and used by m365agents.yml, aad.manifest.json
// and appPackage/manifest.json.
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ID string = identity.properties.clientId
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
