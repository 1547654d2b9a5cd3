import { mount } from '../shell/mount';
import { MyNetworksPage } from '../networks/MyNetworksPage';

mount(<MyNetworksPage />, 'tab.networks.title');
