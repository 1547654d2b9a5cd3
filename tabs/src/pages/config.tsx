import { mount } from '../shell/mount';
import { ConfigPage } from '../networks/ConfigPage';

mount(<ConfigPage />, 'tab.config.title');
